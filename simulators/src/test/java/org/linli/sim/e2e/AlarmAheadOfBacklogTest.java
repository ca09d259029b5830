package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.Gateway;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.pipeline.IngestLanes;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.RequiredTools;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, alarms first, from Paho to the alert: a gas alarm published behind a backlog of readings that the gateway
 * has received but not yet applied raises its alert while the whole backlog still waits. The bulk lane is held, so
 * the alarm can only get through by its own lane: without one, this test times out.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AlarmAheadOfBacklogTest {
    private static final String LEAK_AT = "3-2-501";

    @Test
    @DisplayName("over a real broker, a gas alarm behind 600 held readings raises its alert before any of them is applied")
    void alarmBeforeBacklog(@TempDir Path dir) throws Exception {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        Vertx vertx = Vertx.vertx();
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false).start()) {
            // GIVEN a gateway on a real broker whose bulk lane to the event loop is held
            SiteConfig site = E2eHarness.site(broker.url(), "linli-alarm-first", "5",
                    "http://127.0.0.1:" + FreePort.pick(), dir.resolve("gw"));
            Gateway gateway = E2eHarness.deploy(vertx, site);
            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-alarm-first");
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 15)) {
                E2eHarness.awaitSubscribed(gateway, publisher, Duration.ofSeconds(30));
                IngestLanes lanes = gateway.mqtt().lanes();
                long appliedBefore = E2eHarness.applied(gateway);
                long ackedBefore = publisher.acked();
                lanes.holdBulk(true);
                // AND 600 routine reports from the other devices, received and decoded but held
                List<String> others = sim.deviceIds().stream().filter(id -> !id.equals("gas-" + LEAK_AT)).toList();
                List<CompletableFuture<Void>> sent = new ArrayList<>();
                Instant t = Instant.now().minusSeconds(600);
                for (int i = 0; i < 600; i++) {
                    sent.add(sim.report(others.get(i % others.size()), t.plusMillis(i)));
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                // (the reports, and the heartbeats some devices send beside every 10th report)
                E2eHarness.await("every report received by the gateway and held", Duration.ofSeconds(60),
                        () -> lanes.waitingBulk() >= 600,
                        () -> "held " + lanes.waitingBulk() + ", acked " + (publisher.acked() - ackedBefore));
                int held = lanes.waitingBulk();

                // WHEN the gas alarm of 3-2-501 publishes its alarm behind them
                sim.gasLeak(LEAK_AT).get(10, TimeUnit.SECONDS);

                // THEN its alert is raised while every held reading still waits
                E2eHarness.await("the gas leak alert", Duration.ofSeconds(30),
                        () -> E2eHarness.hasAlert(gateway, AlertType.GAS_LEAK, "gas-" + LEAK_AT));
                assertTrue(lanes.waitingBulk() >= held, "no reading was applied before the alarm: " + lanes.waitingBulk());
                // AND once released, the backlog is applied too
                lanes.holdBulk(false);
                E2eHarness.await("the backlog applied", Duration.ofSeconds(60), () -> lanes.waitingBulk() == 0
                        && E2eHarness.applied(gateway) - appliedBefore >= held + 1,
                        () -> "waiting " + lanes.waitingBulk() + ", applied " + (E2eHarness.applied(gateway) - appliedBefore));
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            }
        }
    }
}
