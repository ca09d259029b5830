package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.drivers.model.EventType;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.notify.AlertsTopicFeed;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.QuestDbServer;
import org.linli.sim.servers.RequiredTools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core path on real servers: a real Mosquitto broker, the simulated compound publishing in every vendor format,
 * the gateway, and QuestDB read back afterwards.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CompoundEndToEndTest {

    @Test
    @DisplayName("every published reading is stored exactly once with its values, and a gas alarm of an elderly-living-alone "
            + "household reaches the SSE stream and the MQTT alerts topic with location, care flag and grid worker")
    void endToEnd(@TempDir Path dir) throws Exception {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        Vertx vertx = Vertx.vertx();
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false).start();
             QuestDbServer db = new QuestDbServer(dir.resolve("questdb")).start()) {
            SiteConfig site = E2eHarness.site(broker.url(), "linli-e2e", "5", db.url(), dir.resolve("gw"));
            Gateway gateway = E2eHarness.deploy(vertx, site);
            BlockingQueue<JsonObject> stream = E2eHarness.sse(gateway.httpPort());
            BlockingQueue<MqttMessage> upstream = new LinkedBlockingQueue<>();
            MqttClient platform = new MqttClient(broker.url(), "upstream-platform", null);
            platform.setCallback(new UpstreamCallback(upstream));
            platform.connect();
            // not subscribe(topic, qos, listener): that overload recurses forever in Paho v5 1.2.5
            platform.subscribe(new String[]{"linli/test/alerts"}, new int[]{1});

            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-e2e");
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 7)) {
                // GIVEN three rounds of reports from all 216 devices
                for (int round = 0; round < 3; round++) {
                    sim.publishRound().get(30, TimeUnit.SECONDS);
                    Thread.sleep(20);
                }
                // WHEN the gas alarm of the elderly resident living alone at 3-2-501 goes off
                sim.gasLeak("3-2-501").get(10, TimeUnit.SECONDS);
                assertTrue(publisher.awaitQuiet(20, TimeUnit.SECONDS));

                // THEN the alert arrives on the live stream with everything a grid worker needs
                JsonObject alert = null;
                for (JsonObject a = stream.poll(20, TimeUnit.SECONDS); a != null; a = stream.poll(5, TimeUnit.SECONDS)) {
                    if ("gas-3-2-501".equals(a.getJsonObject("device").getString("id"))) {
                        alert = a;
                        break;
                    }
                }
                assertNotNull(alert, "gas alarm alert on the SSE stream");
                assertEquals("GAS_LEAK", alert.getString("type"));
                assertEquals("CRITICAL_VULNERABLE", alert.getString("severity"));
                assertEquals("3-2-501", alert.getJsonObject("location").getString("household"));
                assertEquals("3", alert.getJsonObject("location").getString("building"));
                assertEquals("幸福里小区", alert.getJsonObject("location").getString("compound"));
                assertTrue(alert.getBoolean("elderlyLivingAlone"));
                assertTrue(alert.getJsonArray("care").contains("elderly_living_alone"));
                assertEquals("李娜", alert.getJsonObject("gridWorker").getString("name"));
                assertTrue(alert.getString("nextStep").length() > 10);

                // and on the MQTT alerts topic, at QoS 1
                MqttMessage m = upstream.poll(10, TimeUnit.SECONDS);
                assertNotNull(m, "alert on the MQTT alerts topic");
                assertEquals(AlertsTopicFeed.QOS, m.getQos());
                assertEquals("gas-3-2-501", new JsonObject(new String(m.getPayload(), StandardCharsets.UTF_8))
                        .getJsonObject("device").getString("id"));

                // and every reading the broker acknowledged is in the time-series server exactly once
                long expectedPoints = sim.ledger().points();
                E2eHarness.await("all points written", Duration.ofSeconds(30),
                        () -> gateway.store().stats().acceptedPoints() >= expectedPoints && gateway.store().stats().depthPoints() == 0);
                E2eHarness.await("rows visible in QuestDB", Duration.ofSeconds(30),
                        () -> db.count("device_event", "event = 'alarm'") == 1
                                && db.count("gas_alarm", null) + db.count("smoke_detector", null) + db.count("water_meter", null)
                                + db.count("device_event", null) == expectedPoints);
                E2eHarness.assertStoredExactlyOnce(db, sim.ledger());
                assertEquals(sim.ledger().events(EventType.HEARTBEAT), db.count("device_event", "event = 'heartbeat'"));
                assertEquals(1, db.count("device_event", "event = 'alarm' and device = 'gas-3-2-501' and household = '3-2-501' and grid = 'grid-1'"));
                assertEquals(0, gateway.pipeline().stats().rejected(), "nothing dead-lettered from a well-behaved compound");

                JsonObject listed = E2eHarness.getJson(gateway.httpPort(), "/api/alerts");
                assertEquals(1, listed.getInteger("count"));
            } finally {
                platform.disconnect();
                vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            }
        }
    }
}
