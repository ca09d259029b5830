package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.Gateway;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.config.RulesOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.StorageOptions;
import org.linli.sim.compound.CompoundGenerator;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.compound.CompoundSpec;
import org.linli.sim.demo.ProfileChoice;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.QuestDbServer;
import org.linli.sim.servers.RequiredTools;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The demo's scripted incidents, run on real servers against the full rule engine: each ends as the expected
 * alert, routed to the grid worker of its building, and nothing else is raised.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CompoundScenarioTest {

    @Test
    @DisplayName("gas leak at 3-2-501, fire in building 7 and a silent water meter each end as exactly the expected alert "
            + "for the expected grid worker, with no other alert raised")
    void scriptedIncidents(@TempDir Path dir) throws Exception {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        Vertx vertx = Vertx.vertx();
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false).start();
             QuestDbServer db = new QuestDbServer(dir.resolve("questdb")).start()) {
            // GIVEN the demo's compound shape (8 buildings, grids of 3 buildings) and a 4 s heartbeat for water meters
            CompoundSpec spec = ProfileChoice.demoSpec(E2eHarness.PROFILES);
            SiteConfig site = CompoundGenerator.generate(spec,
                    MqttOptions.of(broker.url(), "linli-scenario").withKeepAliveSeconds(10)
                            .withReconnectDelaysMs(200, 2000).withAlertsTopic("linli/s/alerts"),
                    InfluxOptions.of(db.url(), "linli", "compound").withBatch(500, 100),
                    HttpOptions.on("127.0.0.1", 0), StorageOptions.in(dir.resolve("gw").toString()))
                    .withRules(RulesOptions.defaults()
                            .withHeartbeat(Map.of("water_meter", new RulesOptions.HeartbeatOptions(2, 2)))
                            .withCheckIntervalSeconds(1));
            Gateway gateway = E2eHarness.deploy(vertx, site);
            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-scenario");
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 21)) {
                // every device reports every second (timestamps to the second in some vendor formats)
                round(sim);
                // WHEN the three incidents of the demo's script happen while the compound keeps reporting
                sim.gasLeak("3-2-501").get(10, TimeUnit.SECONDS);
                round(sim);
                sim.fire("7").get(10, TimeUnit.SECONDS);
                sim.silence("water-5-1-201");
                for (int i = 0; i < 7; i++) {
                    round(sim);
                }
                E2eHarness.await("the silent meter's offline alert", Duration.ofSeconds(20),
                        () -> alerts(gateway).stream().anyMatch(a -> a.type() == AlertType.DEVICE_OFFLINE),
                        () -> summary(alerts(gateway)));
                round(sim);

                // THEN exactly these alerts exist, each routed to the worker of its building's grid
                Map<String, String> actual = new TreeMap<>();
                for (Alert a : alerts(gateway)) {
                    actual.put(a.deviceId() + " " + a.type() + " " + a.severity(), a.gridWorker().name());
                }
                Map<String, String> expected = new TreeMap<>(Map.of(
                        "gas-3-2-501 " + AlertType.GAS_LEAK + " " + Severity.CRITICAL_VULNERABLE, "李娜",
                        "smoke-7-1-301 " + AlertType.FIRE + " " + Severity.CRITICAL, "王磊",
                        "smoke-7-1-302 " + AlertType.FIRE + " " + Severity.CRITICAL, "王磊",
                        "water-5-1-201 " + AlertType.DEVICE_OFFLINE + " " + Severity.MINOR, "陈静"));
                assertEquals(expected, actual, summary(alerts(gateway)));
                Alert gas = alerts(gateway).stream().filter(a -> a.type() == AlertType.GAS_LEAK).findFirst().orElseThrow();
                assertEquals("3-2-501", gas.location().toString());
                assertEquals(true, gas.care().stream().anyMatch(f -> f.id().equals("elderly_living_alone")));
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            }
        }
    }

    private static void round(CompoundSimulator sim) throws Exception {
        long start = System.nanoTime();
        sim.publishRound().get(20, TimeUnit.SECONDS);
        long left = 1100 - (System.nanoTime() - start) / 1_000_000;
        if (left > 0) {
            Thread.sleep(left);
        }
    }

    /** The gateway's alerts, read on its event loop (its components are confined to it). */
    private static List<Alert> alerts(Gateway g) {
        CompletableFuture<List<Alert>> r = new CompletableFuture<>();
        g.eventLoop().runOnContext(v -> r.complete(g.alerts().list()));
        try {
            return r.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String summary(List<Alert> alerts) {
        return alerts.stream().map(a -> a.deviceId() + ":" + a.type() + ":" + a.severity() + ":" + a.state() + ":"
                + (a.gridWorker() == null ? "-" : a.gridWorker().name())).collect(Collectors.joining(", ", "[", "]"));
    }
}
