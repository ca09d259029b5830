package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.drivers.model.DeviceType;
import org.linli.gateway.Gateway;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.Transport;
import org.linli.gateway.mqtt.MqttConnections;
import org.linli.gateway.mqtt.MqttIngest;
import org.linli.gateway.pipeline.IngestLanes;
import org.linli.gateway.source.SourceState;
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
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, alarms first, in the broker too: with {@code mqtt.lifeSafetyConnection} on, the gas alarms' and smoke
 * detectors' topics come on a second connection with a session of its own. The main connection's in-flight window is
 * filled with water-meter readings the gateway holds (its bulk lane held, {@code maxInFlight} 20), so the broker keeps
 * the rest of them queued; a gas alarm published now still raises its alert. On one connection it could not: the
 * broker sends nothing more on a session whose Receive Maximum is used up, and the alarm would wait in its queue
 * behind the held readings (checked by running this test with the option off: it times out waiting for the alert).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LifeSafetyConnectionTest {
    private static final String LEAK_AT = "3-2-501";
    private static final int WINDOW = 20;
    private static final int READINGS = 100;

    @Test
    @DisplayName("over a real broker, a gas alarm raises its alert while the main connection's window is full of held meter readings")
    void alarmPassesFullWindow(@TempDir Path dir) throws Exception {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        Vertx vertx = Vertx.vertx();
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false).start()) {
            // GIVEN a gateway with the life-safety connection, at most 20 messages in flight per connection
            SiteConfig base = E2eHarness.site(broker.url(), "linli-life-safety", "5",
                    "http://127.0.0.1:" + FreePort.pick(), dir.resolve("gw"));
            SiteConfig site = base.withMqtt(base.mqtt().withMaxInFlight(WINDOW).withLifeSafetyConnection(true));
            Gateway gateway = E2eHarness.deploy(vertx, site);
            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-life-safety");
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 15)) {
                MqttConnections connections = gateway.mqttConnections();
                MqttIngest main = connections.main();
                MqttIngest lifeSafety = connections.lifeSafety();
                E2eHarness.await("the life-safety connection up", Duration.ofSeconds(30),
                        () -> E2eHarness.read(gateway, lifeSafety::state) == MqttIngest.State.CONNECTED);
                E2eHarness.awaitSubscribed(gateway, main, publisher, Duration.ofSeconds(30));
                E2eHarness.awaitSubscribed(gateway, lifeSafety, publisher, Duration.ofSeconds(30));
                // THEN it has two sources, both up, under two client ids, the gas and smoke topics on the second
                assertEquals(SourceState.UP, E2eHarness.onLoop(gateway, () -> gateway.sources()
                        .find(MqttConnections.LIFE_SAFETY_SOURCE).orElseThrow().status().state()));
                assertEquals("linli-life-safety-life-safety", E2eHarness.onLoop(gateway,
                        () -> lifeSafety.status().getString("clientId")));
                assertTrue(E2eHarness.onLoop(gateway, () -> lifeSafety.subscriptionProfiles().stream()
                        .allMatch(p -> p.contains("gas") || p.contains("smoke"))), "life-safety profiles only");
                assertTrue(E2eHarness.onLoop(gateway, () -> main.subscriptionProfiles().stream()
                        .allMatch(p -> p.contains("water"))), "the meters' profiles on the main connection");

                // WHEN the main connection's bulk lane is held and 100 water readings are published
                IngestLanes lanes = main.lanes();
                lanes.holdBulk(true);
                List<String> meters = site.devices().stream()
                        .filter(d -> d.type() == DeviceType.WATER_METER && d.transport() == Transport.MQTT)
                        .map(d -> d.id()).toList();
                List<CompletableFuture<Void>> sent = new ArrayList<>();
                Instant t = Instant.now().minusSeconds(600);
                for (int i = 0; i < READINGS; i++) {
                    sent.add(sim.report(meters.get(i % meters.size()), t.plusMillis(i)));
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                // THEN the main connection's window fills and stays full: the broker holds the rest
                Supplier<Integer> inFlight = () -> E2eHarness.read(gateway, main::inFlight);
                E2eHarness.await("the main connection's window full", Duration.ofSeconds(30),
                        () -> inFlight.get() == WINDOW, () -> "in flight " + inFlight.get());
                E2eHarness.holds("the window stays full", Duration.ofMillis(500), () -> inFlight.get() == WINDOW);
                long appliedBefore = E2eHarness.applied(gateway);

                // WHEN the gas alarm of 3-2-501 publishes its alarm
                sim.gasLeak(LEAK_AT).get(10, TimeUnit.SECONDS);

                // THEN its alert is raised while the main connection's window is still full of held readings
                E2eHarness.await("the gas leak alert", Duration.ofSeconds(30),
                        () -> E2eHarness.hasAlert(gateway, AlertType.GAS_LEAK, "gas-" + LEAK_AT),
                        () -> "in flight on the main connection " + inFlight.get());
                assertEquals(WINDOW, inFlight.get(), "the held readings are still held");

                // AND once released, every reading is applied: nothing was lost on either connection
                lanes.holdBulk(false);
                E2eHarness.await("the readings applied", Duration.ofSeconds(60),
                        () -> E2eHarness.applied(gateway) - appliedBefore >= READINGS && inFlight.get() == 0,
                        () -> "applied " + (E2eHarness.applied(gateway) - appliedBefore)
                                + ", in flight " + inFlight.get());
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            }
        }
    }
}
