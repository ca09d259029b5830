package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.linli.drivers.model.FieldType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.mqtt.VendorProfiles;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.StorageOptions;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.sim.compound.CompoundGenerator;
import org.linli.sim.compound.CompoundSpec;
import org.linli.sim.demo.ProfileChoice;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.mqtt.SentLedger;
import org.linli.sim.servers.QuestDbServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Factory helpers shared by the end-to-end tests: a generated compound, a deployed gateway, read-back checks. */
final class E2eHarness {
    static final VendorProfiles PROFILES = VendorProfiles.builtIn();

    private E2eHarness() {
    }

    /** 3 buildings × 2 units × 6 floors × 2 flats = 72 households, 216 devices; 3-2-501 is elderly living alone. */
    static SiteConfig site(String mqttUrl, String clientId, String version, String influxUrl, Path dataDir) {
        CompoundSpec spec = ProfileChoice.demoSpec(PROFILES).withSize(3, 2, 6, 2);
        return CompoundGenerator.generate(spec,
                MqttOptions.of(mqttUrl, clientId).withVersion(version).withKeepAliveSeconds(10)
                        .withReconnectDelaysMs(200, 2000).withAlertsTopic("linli/test/alerts"),
                InfluxOptions.of(influxUrl, "linli", "compound").withBatch(500, 100),
                HttpOptions.on("127.0.0.1", 0),
                StorageOptions.in(dataDir.toString()));
    }

    /** The same compound with the given connections (TLS, passwords: the deployment tests). */
    static SiteConfig site(MqttOptions mqtt, String influxUrl, HttpOptions http, Path dataDir) {
        CompoundSpec spec = ProfileChoice.demoSpec(PROFILES).withSize(3, 2, 6, 2);
        return CompoundGenerator.generate(spec, mqtt,
                InfluxOptions.of(influxUrl, "linli", "compound").withBatch(500, 100),
                http, StorageOptions.in(dataDir.toString()));
    }

    static Gateway deploy(Vertx vertx, SiteConfig site) throws Exception {
        Gateway g = new Gateway(site, VendorProfileCatalog.load(null), name -> "test-token", Clock.systemUTC());
        vertx.deployVerticle(g).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        g.mqtt().firstConnect().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return g;
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        await(what, timeout, condition, () -> "");
    }

    /**
     * Waits (Awaitility, checking every 100 ms on the test thread) until {@code condition} holds; on time-out fails with
     * {@code state} describing what was seen instead.
     */
    static void await(String what, Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> state)
            throws InterruptedException {
        try {
            Awaitility.await(what).atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            fail("timed out after " + timeout + " waiting for " + what + " " + state.get());
        }
    }

    /**
     * Checks that {@code condition} stays true for the whole {@code period} (checked every 100 ms on the test thread):
     * how a test says that something did NOT happen, such as no per-meter alert while the meters' offline threshold
     * passes behind a failed bus.
     */
    static void holds(String what, Duration period, BooleanSupplier condition) {
        try {
            Awaitility.await(what).during(period).atMost(period.plusSeconds(5)).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            fail("did not hold for " + period + ": " + what);
        }
    }

    /**
     * Waits until the gateway's MQTT subscriptions are in place on the broker, which its CONNACK does not say (the
     * SUBACK comes later, and a broker that lost the session drops what is published before it): publishes a probe
     * (QoS 1, a device the site does not know, on the first subscription's topic) every 200 ms until the pipeline
     * counts one as rejected. Each probe costs one dead letter.
     */
    static void awaitSubscribed(Gateway gateway, DevicePublisher publisher, Duration timeout) throws Exception {
        awaitSubscribed(gateway, gateway.mqtt(), publisher, timeout);
    }

    /** The same for one of the gateway's connections (the life-safety one: {@code mqtt.lifeSafetyConnection}). */
    static void awaitSubscribed(Gateway gateway, org.linli.gateway.mqtt.MqttIngest connection, DevicePublisher publisher,
                                Duration timeout) throws Exception {
        String filter = onLoop(gateway, () -> connection.status().getJsonArray("subscriptions")
                .getJsonObject(0).getString("filter"));
        String probeTopic = Arrays.stream(filter.split("/", -1))
                .map(level -> level.equals("+") || level.equals("#") ? "linli-probe" : level)
                .collect(Collectors.joining("/"));
        long rejectedBefore = onLoop(gateway, () -> gateway.pipeline().stats().rejected());
        Awaitility.await("the gateway's subscriptions on the broker").atMost(timeout).pollInSameThread()
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> {
                    publisher.publish(probeTopic, "{}".getBytes(StandardCharsets.UTF_8), 1);
                    return onLoop(gateway, () -> gateway.pipeline().stats().rejected()) > rejectedBefore;
                });
    }

    /** Messages the gateway's pipeline has applied so far: decoded or rejected (read on its event loop). */
    static long applied(Gateway gateway) {
        return read(gateway, () -> gateway.pipeline().stats().decodedMessages()
                + gateway.pipeline().stats().rejected());
    }

    /** Whether the gateway holds an alert of {@code type} for {@code deviceId} (read on its event loop). */
    static boolean hasAlert(Gateway gateway, org.linli.gateway.alert.AlertType type, String deviceId) {
        return read(gateway, () -> gateway.alerts().list().stream()
                .anyMatch(a -> a.type() == type && deviceId.equals(a.deviceId())));
    }

    /** {@link #onLoop} for the conditions of {@link #await} and {@link #holds}: a failed read is rethrown unchecked. */
    static <T> T read(Gateway gateway, Supplier<T> read) {
        try {
            return onLoop(gateway, read);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads gateway state on its own event loop (its components are confined to it). */
    static <T> T onLoop(Gateway gateway, Supplier<T> read) throws Exception {
        CompletableFuture<T> out = new CompletableFuture<>();
        gateway.eventLoop().runOnContext(v -> {
            try {
                out.complete(read.get());
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out.get(5, TimeUnit.SECONDS);
    }

    /** The measurement a quantity of a device is stored in, from the device id's prefix. */
    static String measurement(String deviceId) {
        if (deviceId.startsWith("gas-")) {
            return "gas_alarm";
        }
        return deviceId.startsWith("smoke-") ? "smoke_detector" : "water_meter";
    }

    /** Per device and field: count and sum stored in QuestDB, compared with the ledger. Exactly once: equal counts. */
    static void assertStoredExactlyOnce(QuestDbServer db, SentLedger ledger) {
        Map<String, Long> expected = ledger.readingCountsByDeviceQuantity();
        Map<String, Map<String, Long>> fieldsByMeasurement = new HashMap<>();
        expected.forEach((key, count) -> {
            String device = key.substring(0, key.indexOf('/'));
            fieldsByMeasurement.computeIfAbsent(measurement(device), m -> new HashMap<>()).put(key.substring(key.indexOf('/') + 1), 0L);
        });
        long compared = 0;
        for (var m : fieldsByMeasurement.entrySet()) {
            for (String field : m.getValue().keySet()) {
                Quantity q = quantity(field);
                boolean summable = q.fieldType() != FieldType.BOOLEAN;
                // QuestDB cannot count a boolean column and stores absent booleans as false: count the true ones,
                // which for a boolean equals the ledger's sum of 1s
                JsonObject r = db.query(summable
                        ? "select device, count(" + field + "), sum(" + field + ") from " + m.getKey() + " where " + field
                        + " is not null group by device"
                        : "select device, count() from " + m.getKey() + " where " + field + " = true group by device");
                JsonArray rows = r.getJsonArray("dataset");
                if (rows == null) {
                    fail("query on " + m.getKey() + "." + field + " failed: " + r.encode());
                }
                for (int i = 0; i < rows.size(); i++) {
                    JsonArray row = rows.getJsonArray(i);
                    String device = row.getString(0);
                    long want = summable ? ledger.readings(device, q) : Math.round(ledger.sum(device, q));
                    assertEquals(want, row.getLong(1), "stored " + field + " readings of " + device);
                    if (summable) {
                        assertEquals(ledger.sum(device, q), row.getDouble(2), 1e-6 * Math.max(1, Math.abs(ledger.sum(device, q))),
                                "sum of " + field + " of " + device);
                    }
                    compared += want;
                }
            }
        }
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(total, compared, "every device/field in the ledger has stored rows");
    }

    /**
     * Makes QuestDB treat a point with the same series and timestamp as the same row, as InfluxDB does: a batch
     * written again after a lost answer or a redelivered message then changes nothing. Call once the tables exist.
     */
    static void deduplicate(QuestDbServer db) {
        for (String t : List.of("gas_alarm", "smoke_detector", "water_meter")) {
            db.query("alter table " + t + " dedup enable upsert keys(timestamp, device)");
        }
        db.query("alter table device_event dedup enable upsert keys(timestamp, device, event)");
    }

    static Quantity quantity(String field) {
        for (Quantity q : Quantity.values()) {
            if (q.field().equals(field)) {
                return q;
            }
        }
        throw new IllegalArgumentException(field);
    }

    /** Opens the SSE stream and collects the data of every {@code alert} event. */
    static BlockingQueue<JsonObject> sse(int port) {
        BlockingQueue<JsonObject> alerts = new LinkedBlockingQueue<>();
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts/stream"))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> {
                    String event = null;
                    for (String line : (Iterable<String>) r.body()::iterator) {
                        if (line.startsWith("event: ")) {
                            event = line.substring(7);
                        } else if (line.startsWith("data: ") && "alert".equals(event)) {
                            alerts.add(new JsonObject(line.substring(6)));
                        }
                    }
                });
        return alerts;
    }

    /**
     * One client for every status poll, HTTP/1.1 (no h2c upgrade attempt) and a time-out on every request: a poll that
     * gets no answer fails that poll (callers that poll catch it and poll again) instead of hanging the test thread,
     * which Awaitility's same-thread polling cannot interrupt.
     */
    private static final HttpClient STATUS_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static JsonObject getJson(int port, String path) throws Exception {
        HttpResponse<String> r = STATUS_CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new JsonObject(r.body());
    }
}
