package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.SubscriptionOptions;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.RequiredTools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The subscription watchdog's verdict has a consequence (issue 11): a subscription silent for its missed intervals
 * is subscribed again on a real Mosquitto, once per silent spell, counted and visible in /api/status and /metrics;
 * the MQTT source reports DEGRADED meanwhile, and device messages published afterwards arrive.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StaleSubscriptionTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;

    @BeforeEach
    void setUp() {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        vertx = Vertx.vertx();
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a subscription silent for 2 expected intervals of 1 s is resubscribed once, counted and shown; later reports arrive")
    void staleSubscriptionIsResubscribed(@TempDir Path dir) throws Exception {
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false).start()) {
            // GIVEN a gateway whose every subscription expects data each second and is stale after 2 s of silence
            SiteConfig site = siteExpectingEverySecond(broker.url(), dir);
            int subscriptions = site.mqtt().subscriptions().size();
            Gateway gateway = E2eHarness.deploy(vertx, site);

            // WHEN no device publishes
            // THEN every subscription goes STALE and is subscribed again, once each
            await("every subscription resubscribed").atMost(Duration.ofSeconds(20))
                    .until(() -> mqtt(gateway).getLong("staleResubscribes") == subscriptions);
            JsonObject source = status(gateway).getJsonObject("sources").getJsonObject("mqtt");
            assertEquals("DEGRADED", source.getString("state"), source.encode());
            assertTrue(source.getString("reason").contains("resubscribed"), source.encode());
            // AND not once per watchdog check: the count holds while the silence goes on
            await("still stale, no further resubscribe").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> mqtt(gateway).getLong("staleResubscribes") == subscriptions);
            assertEquals(subscriptions, metric(gateway, "linli_mqtt_stale_resubscribes_total{connection=\"main\"}"));

            // WHEN the devices then report
            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-stale");
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 3)) {
                sim.publishRound().get(30, TimeUnit.SECONDS);

                // THEN their reports arrive through the resubscribed subscriptions, which are RECEIVING again
                await("every device heard from").atMost(Duration.ofSeconds(20))
                        .until(() -> status(gateway).getInteger("devicesHeardFrom") == sim.deviceCount());
                JsonArray subs = mqtt(gateway).getJsonArray("subscriptions");
                assertTrue(subs.stream().map(JsonObject.class::cast).allMatch(s -> s.getLong("messages") > 0), subs.encode());
            }
        }
    }

    /** The generated compound with an override for each vendor profile in use: expected every 1 s, 2 missed = stale. */
    private static SiteConfig siteExpectingEverySecond(String brokerUrl, Path dir) {
        HttpOptions httpOptions = HttpOptions.on("127.0.0.1", 0);
        String influx = "http://127.0.0.1:" + FreePort.pick();
        MqttOptions plain = mqtt(brokerUrl, List.of());
        List<SubscriptionOptions> watched = E2eHarness.site(plain, influx, httpOptions, dir.resolve("gw")).devices().stream()
                .filter(d -> d.transport() == org.linli.gateway.config.Transport.MQTT)
                .map(d -> d.profile()).distinct()
                .map(p -> new SubscriptionOptions(p, null, 1, 1, 2)).toList();
        return E2eHarness.site(mqtt(brokerUrl, watched), influx, httpOptions, dir.resolve("gw"));
    }

    private static MqttOptions mqtt(String url, List<SubscriptionOptions> subscriptions) {
        return MqttOptions.of(url, "linli-stale").withKeepAliveSeconds(10).withReconnectDelaysMs(200, 2000)
                .withAlertsTopic("linli/test/alerts").withSubscriptions(subscriptions);
    }

    private JsonObject status(Gateway g) throws Exception {
        return new JsonObject(get(g, "/api/status"));
    }

    private JsonObject mqtt(Gateway g) throws Exception {
        return status(g).getJsonObject("mqtt");
    }

    private double metric(Gateway g, String series) throws Exception {
        for (String line : get(g, "/metrics").split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        throw new AssertionError("no sample " + series);
    }

    private String get(Gateway g, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }
}
