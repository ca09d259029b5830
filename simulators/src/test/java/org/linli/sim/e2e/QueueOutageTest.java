package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.drivers.model.EventType;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.SiteConfig;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.QuestDbServer;
import org.linli.sim.servers.RequiredTools;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FIELD-NOTES §1: the time-series server goes away under steady load and comes back; nothing is lost or doubled. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class QueueOutageTest {
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
    @DisplayName("steady load through a time-series outage: every reading arrives exactly once, alerts are not delayed")
    void outageUnderSteadyLoad(@TempDir Path dir) throws Exception {
        int dbPort = FreePort.pick();
        Path dbRoot = dir.resolve("questdb");
        QuestDbServer db = new QuestDbServer(dbRoot, dbPort).start();
        QuestDbServer[] restarted = {null};
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), true).start()) {
            SiteConfig site = E2eHarness.site(broker.url(), "linli-outage", "5", db.url(), dir.resolve("gw"));
            Gateway gateway = E2eHarness.deploy(vertx, site);
            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-outage");
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 11)) {
                // GIVEN a compound reporting steadily, stored as it goes
                sim.publishRound().get(30, TimeUnit.SECONDS);
                sim.event("gas-1-1-101", EventType.ALARM_CLEARED, Instant.now().minusSeconds(60)).get(10, TimeUnit.SECONDS);
                E2eHarness.await("first round stored", Duration.ofSeconds(30),
                        () -> gateway.store().stats().acceptedPoints() == sim.ledger().points());
                E2eHarness.await("tables created", Duration.ofSeconds(30), () -> db.count("device_event", null) > 0);
                E2eHarness.deduplicate(db);

                // WHEN the time-series server stops for ~12 s while rounds keep coming, with an alarm in the middle
                // (rounds 1.1 s apart: some vendors send second-precision timestamps, and a point with the same series
                // and timestamp is the same point)
                db.close();
                long alertsBefore = onLoop(gateway, () -> (long) gateway.alerts().list().size());
                for (int i = 0; i < 10; i++) {
                    sim.publishRound().get(30, TimeUnit.SECONDS);
                    if (i == 5) {
                        sim.event("gas-2-1-301", EventType.ALARM, Instant.now()).get(10, TimeUnit.SECONDS);
                        // THEN the alert is raised at once: alerts never wait behind the queue
                        E2eHarness.await("alert raised during the outage", Duration.ofSeconds(2),
                                () -> onLoop(gateway, () -> (long) gateway.alerts().list().size()) > alertsBefore);
                    }
                    Thread.sleep(1100);
                }
                long queued = gateway.store().stats().depthPoints();
                assertTrue(queued > sim.deviceCount() * 10L, "rounds queued on disk during the outage: " + queued);
                assertTrue(gateway.store().stats().oldestUnackedSeconds(System.currentTimeMillis()) >= 5);
                assertTrue(gateway.store().stats().retries() < 15, "back-off, not a retry storm: " + gateway.store().stats().retries());

                // AND the server comes back on the same port and data directory, while the load goes on
                restarted[0] = new QuestDbServer(dbRoot, dbPort).start();
                for (int i = 0; i < 3; i++) {
                    sim.publishRound().get(30, TimeUnit.SECONDS);
                    Thread.sleep(1100);
                }

                // THEN the backlog is replayed and every published reading is stored exactly once
                long expected = sim.ledger().points();
                QuestDbServer server = restarted[0];
                E2eHarness.await("queue drained", Duration.ofSeconds(90),
                        () -> gateway.store().stats().depthPoints() == 0 && gateway.store().stats().acceptedPoints() >= expected,
                        () -> gateway.status().encode());
                E2eHarness.await("rows visible", Duration.ofSeconds(30), () -> server.count("gas_alarm", null)
                        + server.count("smoke_detector", null) + server.count("water_meter", null)
                        + server.count("device_event", null) == expected,
                        () -> "expected " + expected + ", stored gas " + server.count("gas_alarm", null) + " smoke "
                                + server.count("smoke_detector", null) + " water " + server.count("water_meter", null)
                                + " events " + server.count("device_event", null) + "; " + gateway.status().encode());
                E2eHarness.assertStoredExactlyOnce(server, sim.ledger());
                assertEquals(1, server.count("device_event", "event = 'alarm' and device = 'gas-2-1-301'"));
                assertTrue(gateway.store().stats().replayedPoints() > 0);
                assertTrue(E2eHarness.getJson(gateway.httpPort(), "/api/status").getJsonObject("queue").getLong("replayedPoints") > 0);
            }
        } finally {
            if (restarted[0] != null) {
                restarted[0].close();
            }
        }
    }

    static <T> T onLoop(Gateway g, Supplier<T> read) {
        CompletableFuture<T> r = new CompletableFuture<>();
        g.eventLoop().runOnContext(v -> r.complete(read.get()));
        try {
            return r.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
