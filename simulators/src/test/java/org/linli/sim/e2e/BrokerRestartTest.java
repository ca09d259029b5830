package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linli.drivers.model.EventType;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.mqtt.MqttIngest;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.QuestDbServer;
import org.linli.sim.servers.RequiredTools;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FIELD-NOTES §3: after a broker restart the gateway must be subscribed again and must not have lost an alarm. */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class BrokerRestartTest {
    private Vertx vertx;

    @BeforeEach
    void setUp() {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        vertx = Vertx.vertx();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"5", "3.1.1"})
    @DisplayName("a broker that forgot every session is resubscribed to after the restart: reports flow again")
    void resubscribesAfterRestart(String version, @TempDir Path dir) throws Exception {
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false).start();
             QuestDbServer db = new QuestDbServer(dir.resolve("questdb")).start()) {
            SiteConfig site = E2eHarness.site(broker.url(), "linli-resub", version, db.url(), dir.resolve("gw"));
            Gateway gateway = E2eHarness.deploy(vertx, site);
            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-resub");
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 3)) {
                sim.publishRound().get(30, TimeUnit.SECONDS);
                long before = sim.ledger().points();
                E2eHarness.await("first round written", Duration.ofSeconds(30), () -> gateway.store().stats().acceptedPoints() == before);

                // WHEN the broker restarts without persistence: our subscriptions are gone on its side
                broker.restart();
                E2eHarness.await("gateway reconnected", Duration.ofSeconds(30),
                        () -> onLoop(gateway, () -> gateway.mqtt().state() == MqttIngest.State.CONNECTED
                                && gateway.mqtt().status().getLong("connects") >= 2));
                E2eHarness.await("simulator reconnected", Duration.ofSeconds(30), publisher::isConnected);
                // AND its subscriptions are back on the broker (sent after the CONNACK; a probe gets through)
                E2eHarness.awaitSubscribed(gateway, publisher, Duration.ofSeconds(30));

                // THEN a new round reaches the gateway, which is only possible if it subscribed again
                sim.publishRound().get(30, TimeUnit.SECONDS);
                long after = sim.ledger().points();
                E2eHarness.await("second round written", Duration.ofSeconds(30), () -> gateway.store().stats().acceptedPoints() == after);
                assertTrue(after > before);
            }
        }
    }

    @Test
    @DisplayName("alarms published at QoS 1 while the broker restarts mid-stream all arrive: none is lost")
    void noAlarmLostAcrossRestart(@TempDir Path dir) throws Exception {
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), true).start();
             QuestDbServer db = new QuestDbServer(dir.resolve("questdb")).start()) {
            SiteConfig site = E2eHarness.site(broker.url(), "linli-restart", System.getProperty("restartVersion", "5"), db.url(), dir.resolve("gw"));
            Gateway gateway = E2eHarness.deploy(vertx, site);
            List<String> gasDevices = site.devices().stream().filter(d -> d.id().startsWith("gas-")).map(d -> d.id()).toList();
            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-restart");
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 5)) {
                // GIVEN a steady stream of alarm and clear events from 72 gas alarms
                List<CompletableFuture<Void>> sent = new ArrayList<>();
                Instant t0 = Instant.now().minusSeconds(600);
                int n = 0;
                for (int i = 0; i < 240; i++) {
                    String device = gasDevices.get(i % gasDevices.size());
                    EventType type = (i / gasDevices.size()) % 2 == 0 ? EventType.ALARM : EventType.ALARM_CLEARED;
                    sent.add(sim.event(device, type, t0.plusMillis(i * 10L)));
                    if (++n == 80) {
                        // WHEN the broker restarts in the middle of the stream
                        broker.restart();
                    }
                    Thread.sleep(5);
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                assertTrue(publisher.awaitQuiet(30, TimeUnit.SECONDS));

                // THEN every alarm and clear the broker acknowledged is stored (duplicates from redelivery are harmless:
                // same series and timestamp; we count distinct ones)
                long alarms = sim.ledger().events(EventType.ALARM);
                long clears = sim.ledger().events(EventType.ALARM_CLEARED);
                assertEquals(240, alarms + clears);
                E2eHarness.await("all events stored", Duration.ofSeconds(60),
                        () -> distinct(db, "alarm") == alarms && distinct(db, "alarm_cleared") == clears,
                        () -> "stored alarms " + distinct(db, "alarm") + "/" + alarms + ", clears " + distinct(db, "alarm_cleared")
                                + "/" + clears + ", gateway " + gateway.status().encode());
                Map<String, Long> perDevice = perDevice(db);
                for (String device : gasDevices) {
                    assertEquals(sim.ledger().events(device, EventType.ALARM) + sim.ledger().events(device, EventType.ALARM_CLEARED),
                            perDevice.getOrDefault(device, 0L), "events of " + device);
                }
                assertTrue(onLoop(gateway, () -> gateway.mqtt().status().getLong("connects") >= 2), "the gateway reconnected");
            }
        }
    }

    private static long distinct(QuestDbServer db, String event) {
        JsonArray rows = db.query("select count() from (select distinct device, timestamp from device_event where event = '"
                + event + "')").getJsonArray("dataset");
        return rows == null || rows.isEmpty() ? 0 : rows.getJsonArray(0).getLong(0);
    }

    private static Map<String, Long> perDevice(QuestDbServer db) {
        Map<String, Long> out = new HashMap<>();
        JsonArray rows = db.query("select device, count() from (select distinct device, event, timestamp from device_event) group by device")
                .getJsonArray("dataset");
        for (int i = 0; rows != null && i < rows.size(); i++) {
            out.put(rows.getJsonArray(i).getString(0), rows.getJsonArray(i).getLong(1));
        }
        return out;
    }

    /** Reads gateway state on its own event loop (its components are confined to it). */
    private static boolean onLoop(Gateway g, java.util.function.BooleanSupplier check) {
        CompletableFuture<Boolean> r = new CompletableFuture<>();
        g.eventLoop().runOnContext(v -> r.complete(check.getAsBoolean()));
        try {
            return r.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }
}
