package org.linli.sim.e2e;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.drivers.model.EventType;
import org.linli.gateway.config.HttpOptions;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FIELD-NOTES §1: a real gateway process is killed with SIGKILL while the time-series server is down, then started
 * again; afterwards the server holds exactly what the devices published, QoS 1 alarms included. Run on one broker
 * connection and on two ({@code mqtt.lifeSafetyConnection}: the gas alarms' and smoke detectors' messages, alarms
 * included, arrive on a connection of their own while the kill lands).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class GatewayCrashTest {

    @BeforeEach
    void setUp() {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
    }

    private static Process startGateway(Path config, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // three decode workers whatever the machine's cores: the kill hits the parallel decode path (issue 15)
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-Dlinli.decodeThreads=3", "-cp", System.getProperty("java.class.path"),
                "org.linli.gateway.GatewayMain", "run", "--config", config.toString());
        pb.environment().put("LINLI_INFLUX_TOKEN", "test-token");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    private static void awaitUp(int port, Process p, Path log, boolean lifeSafety) throws Exception {
        E2eHarness.await("gateway process answering", Duration.ofSeconds(60), () -> {
            try {
                JsonObject status = E2eHarness.getJson(port, "/api/status");
                return p.isAlive() && E2eHarness.getJson(port, "/health").getString("status").equals("UP")
                        && status.getJsonObject("mqtt").getString("state").equals("CONNECTED")
                        && (!lifeSafety || status.getJsonObject("mqtt-life-safety").getString("state").equals("CONNECTED"));
            } catch (Exception e) {
                return false;
            }
        }, () -> {
            try {
                String text = java.nio.file.Files.readString(log);
                return "alive=" + p.isAlive() + ", log: " + text.substring(Math.max(0, text.length() - 3000));
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
    }

    private static long stored(QuestDbServer db) {
        return db.count("gas_alarm", null) + db.count("smoke_detector", null) + db.count("water_meter", null)
                + db.count("device_event", null);
    }

    @ParameterizedTest(name = "life-safety connection {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("SIGKILL during a time-series outage, restart: stored data equals what was published, alarms included")
    void killDuringOutage(boolean lifeSafety, @TempDir Path dir) throws Exception {
        int dbPort = FreePort.pick();
        int httpPort = FreePort.pick();
        Path dbRoot = dir.resolve("questdb");
        QuestDbServer db = new QuestDbServer(dbRoot, dbPort).start();
        QuestDbServer[] restarted = {null};
        Process gateway = null;
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), true).start()) {
            SiteConfig generated = E2eHarness.site(broker.url(), "linli-crash", "5", db.url(), dir.resolve("gw"));
            SiteConfig site = SiteConfig.of(generated.site(), generated.grids(), generated.devices(),
                    generated.mqtt().withLifeSafetyConnection(lifeSafety), generated.influx())
                    .withHttp(HttpOptions.on("127.0.0.1", httpPort)).withStorage(generated.storage());
            Path config = dir.resolve("site.yaml");
            new ObjectMapper(new YAMLFactory()).setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                    .setVisibility(com.fasterxml.jackson.annotation.PropertyAccessor.IS_GETTER,
                            com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE)
                    .writeValue(config.toFile(), site);
            Path log = dir.resolve("gateway.log");
            gateway = startGateway(config, log);
            awaitUp(httpPort, gateway, log, lifeSafety);
            List<String> gas = site.devices().stream().map(d -> d.id()).filter(id -> id.startsWith("gas-")).toList();

            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-crash");
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 23)) {
                // GIVEN a gateway process storing a compound's reports
                sim.publishRound().get(30, TimeUnit.SECONDS);
                sim.event(gas.get(0), EventType.ALARM_CLEARED, Instant.now().minusSeconds(60)).get(10, TimeUnit.SECONDS);
                E2eHarness.await("first round stored", Duration.ofSeconds(60), () -> stored(db) == sim.ledger().points());
                E2eHarness.deduplicate(db);

                // WHEN the time-series server goes down and reports and alarms keep coming
                db.close();
                for (int i = 0; i < 4; i++) {
                    Thread.sleep(1100);
                    sim.publishRound().get(30, TimeUnit.SECONDS);
                    sim.event(gas.get(1 + i), EventType.ALARM, Instant.now()).get(10, TimeUnit.SECONDS);
                }
                JsonObject queue = E2eHarness.getJson(httpPort, "/api/status").getJsonObject("queue");
                assertTrue(queue.getLong("depthPoints") > 0, "points waiting on disk: " + queue.encode());
                // AND the process is killed with SIGKILL while more messages are arriving
                CompletableFutureRound next = new CompletableFutureRound(sim);
                Thread.sleep(1100);
                next.start();
                gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                next.join();
                // AND devices keep publishing while the gateway is dead (the broker keeps them for its session)
                Thread.sleep(1100);
                sim.publishRound().get(30, TimeUnit.SECONDS);
                sim.event(gas.get(6), EventType.ALARM, Instant.now()).get(10, TimeUnit.SECONDS);

                // THEN after the gateway and the server come back, everything published is stored exactly once
                gateway = startGateway(config, log);
                restarted[0] = new QuestDbServer(dbRoot, dbPort).start();
                awaitUp(httpPort, gateway, log, lifeSafety);
                QuestDbServer server = restarted[0];
                long expected = sim.ledger().points();
                E2eHarness.await("all published points stored", Duration.ofSeconds(90), () -> stored(server) == expected,
                        () -> "stored " + stored(server) + " of " + expected);
                E2eHarness.assertStoredExactlyOnce(server, sim.ledger());
                assertEquals(sim.ledger().events(EventType.ALARM), server.count("device_event", "event = 'alarm'"));
                assertEquals(5, server.count("device_event", "event = 'alarm'"), "the five QoS 1 alarms");
                JsonObject after = E2eHarness.getJson(httpPort, "/api/status").getJsonObject("queue");
                assertTrue(after.getLong("replayedPoints") > 0, "the backlog left by the killed process was replayed: " + after.encode());
            }
        } finally {
            if (gateway != null) {
                gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            db.close();
            if (restarted[0] != null) {
                restarted[0].close();
            }
        }
    }

    /** A round published from another thread, so the kill lands while messages are in flight. */
    private static final class CompletableFutureRound extends Thread {
        private final CompoundSimulator sim;

        CompletableFutureRound(CompoundSimulator sim) {
            this.sim = sim;
        }

        @Override
        public void run() {
            try {
                sim.publishRound().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
