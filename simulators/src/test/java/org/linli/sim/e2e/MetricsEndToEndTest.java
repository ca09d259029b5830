package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.mqtt.VendorProfile;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.DeviceConfig;
import org.linli.gateway.config.SiteConfig;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.QuestDbServer;
import org.linli.sim.servers.RequiredTools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7's operations check: after a simulated run through Mosquitto and QuestDB, with some malformed payloads mixed
 * in, {@code GET /metrics} is scraped over HTTP and its counters are compared with what was sent.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MetricsEndToEndTest {

    /** One bad message: on which profile's topic it goes, for which device id, and what it carries. */
    private record Bad(String profile, String deviceId, String payload) {
    }

    @Test
    @DisplayName("/metrics after a simulated run: messages per subscription, decode failures per reason, points written "
            + "and open alerts equal what the simulator sent and what the API shows")
    void countersMatchWhatWasSent(@TempDir Path dir) throws Exception {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        Vertx vertx = Vertx.vertx();
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false).start();
             QuestDbServer db = new QuestDbServer(dir.resolve("questdb")).start()) {
            SiteConfig site = E2eHarness.site(broker.url(), "linli-metrics", "5", db.url(), dir.resolve("gw"));
            Gateway gateway = E2eHarness.deploy(vertx, site);
            DeviceConfig gas = device(site, "gas_alarm");
            DeviceConfig water = device(site, "water_meter");
            // GIVEN malformed input: broken JSON, a device the site does not know, and an empty object
            Bad[] bad = {
                    new Bad(gas.profile(), gas.id(), "{not json"),
                    new Bad(gas.profile(), gas.id(), "[1,2"),
                    new Bad(gas.profile(), "no-such-device-1", "{}"),
                    new Bad(water.profile(), water.id(), "{}")};
            Map<String, Long> expectedFailures = new TreeMap<>();
            expectedFailures.merge("malformed_json", 2L, Long::sum);
            expectedFailures.merge("unknown_device", 1L, Long::sum);
            String emptyObject = reasonFor(water, "{}");
            assertNotEquals("malformed_json", emptyObject, "a different reason than broken JSON");
            expectedFailures.merge(emptyObject, 1L, Long::sum);

            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-metrics");
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 11)) {
                // WHEN two rounds from all devices, a gas leak, and the bad messages are published at QoS 1
                sim.publishRound().get(30, TimeUnit.SECONDS);
                sim.publishRound().get(30, TimeUnit.SECONDS);
                sim.gasLeak("3-2-501").get(10, TimeUnit.SECONDS);
                Map<String, Long> badByProfile = new HashMap<>();
                for (Bad b : bad) {
                    VendorProfile p = E2eHarness.PROFILES.find(b.profile()).orElseThrow();
                    publisher.publish(p.topicFor(b.deviceId()), b.payload().getBytes(StandardCharsets.UTF_8), 1)
                            .get(10, TimeUnit.SECONDS);
                    badByProfile.merge(b.profile(), 1L, Long::sum);
                }
                assertTrue(publisher.awaitQuiet(20, TimeUnit.SECONDS));
                long sent = sim.ledger().messages() + bad.length;
                long expectedPoints = sim.ledger().points();
                E2eHarness.await("every message taken and every point written", Duration.ofSeconds(30),
                        () -> gateway.pipeline().stats().received() == sent
                                && gateway.store().stats().acceptedPoints() >= expectedPoints
                                && gateway.store().stats().depthPoints() == 0,
                        () -> gateway.pipeline().stats().toJson().encode() + " " + gateway.store().stats().toJson(0).encode());

                // AND /metrics is scraped over HTTP
                ScrapedMetrics m = ScrapedMetrics.fetch(gateway.httpPort());

                // THEN messages per subscription equal what the broker acknowledged to the simulator, plus the bad ones
                Map<String, Double> expectedReceived = new TreeMap<>();
                sim.ledger().messagesByProfile().forEach((p, n) -> expectedReceived.put(p, (double) n));
                badByProfile.forEach((p, n) -> expectedReceived.merge(p, (double) n, Double::sum));
                assertEquals(expectedReceived, new TreeMap<>(m.byLabel("linli_messages_received_total", "channel",
                        Map.of("source", "mqtt"))));
                assertEquals(sent, m.sum("linli_messages_received_total"), "no other source counted anything");
                assertEquals(sim.ledger().messages(), m.sum("linli_decoded_messages_total"));
                // AND decode failures by reason are exactly the bad messages
                Map<String, Double> failures = new TreeMap<>(m.byLabel("linli_decode_failures_total", "reason",
                        Map.of("source", "mqtt")));
                Map<String, Double> expected = new TreeMap<>();
                expectedFailures.forEach((r, n) -> expected.put(r, (double) n));
                assertEquals(expected, failures);
                assertEquals(bad.length, m.sum("linli_decode_failures_total"));
                // AND points written equal the ledger, with nothing refused, dropped or left in the queue
                assertEquals(expectedPoints, m.sum("linli_influx_write_points_total", Map.of("outcome", "accepted")));
                assertEquals(expectedPoints, m.sum("linli_queue_accepted_total"));
                assertEquals(0, m.sum("linli_queue_dropped_total"));
                assertEquals(0, m.sum("linli_queue_depth_points"));
                assertEquals(m.sum("linli_influx_writes_total"), m.sum("linli_influx_write_seconds_count"),
                        "every write request is in the latency histogram");
                assertEquals(m.sum("linli_influx_write_seconds_count"),
                        m.sum("linli_influx_write_seconds_bucket", Map.of("le", "+Inf")));
                // AND the open-alerts gauge agrees with the alert API
                JsonObject listed = E2eHarness.getJson(gateway.httpPort(), "/api/alerts");
                assertEquals(1, listed.getInteger("open"), listed.encode());
                assertEquals(listed.getInteger("open"), (int) m.sum("linli_alerts_open"));
                assertEquals(1, m.sum("linli_alerts_open", Map.of("type", "GAS_LEAK", "severity", "CRITICAL_VULNERABLE")));
                assertEquals(1, m.sum("linli_alerts_raised_total"));
                // AND the broker connection and the event loop are reported
                assertEquals(1, m.sum("linli_mqtt_connected"));
                assertEquals(0, m.sum("linli_mqtt_reconnects_total"));
                // (the probe's first timer fires a second after the start, which a fast box may not have reached)
                E2eHarness.await("the event loop's lag probe ran", Duration.ofSeconds(5),
                        () -> lagProbes(gateway.httpPort()) >= 1);

                // AND every linli_ family served is one docs/OPERATIONS.md explains
                String operations = java.nio.file.Files.readString(Path.of("..", "docs", "OPERATIONS.md"));
                m.samples.stream().map(ScrapedMetrics.Sample::name).filter(n -> n.startsWith("linli_"))
                        .map(n -> n.replaceAll("_(bucket|count|sum|max)$", "")).distinct()
                        .forEach(family -> assertTrue(operations.contains("`" + family + "`"),
                                family + " is not documented in docs/OPERATIONS.md"));

                // AND readiness says so too
                HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.httpPort() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ready.statusCode(), ready.body());
                assertEquals("UP", new JsonObject(ready.body()).getJsonObject("components").getJsonObject("influx").getString("status"));
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            }
        }
    }

    private static DeviceConfig device(SiteConfig site, String type) {
        return site.devices().stream().filter(d -> d.type().id().equals(type)).findFirst().orElseThrow();
    }

    /** Why the device's own vendor profile rejects this payload. */
    private static String reasonFor(DeviceConfig d, String payload) {
        try {
            E2eHarness.PROFILES.find(d.profile()).orElseThrow().decoder()
                    .decode(d.id(), payload.getBytes(StandardCharsets.UTF_8), Instant.now());
        } catch (DecodeException e) {
            return e.reason().id();
        }
        throw new AssertionError(payload + " decodes for " + d.profile());
    }

    /** How many times the event loop's lag probe has run, read from a fresh scrape of /metrics. */
    private static double lagProbes(int port) {
        try {
            return ScrapedMetrics.fetch(port).sum("linli_event_loop_lag_seconds_count");
        } catch (Exception e) {
            throw new IllegalStateException("cannot scrape /metrics", e);
        }
    }
}
