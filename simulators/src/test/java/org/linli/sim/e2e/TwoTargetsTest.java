package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.InfluxTargetOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.gateway.queue.QueueStats;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.mqtt.SentLedger;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.RequiredTools;
import org.linli.sim.servers.VictoriaMetricsServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: a gateway writes every point to two time-series targets (two real VictoriaMetrics servers) from one disk
 * queue. One target is stopped for a while, and the gateway itself restarts meanwhile: the running target keeps up
 * with what is published the whole time, and each target ends with every reading exactly once.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TwoTargetsTest {
    private static final String READINGS = "{__name__=~\"(gas_alarm|smoke_detector|water_meter)_.*\"}";
    private Vertx vertx;

    @BeforeEach
    void setUp() {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        RequiredTools.require("victoria-metrics", VictoriaMetricsServer.available());
        vertx = Vertx.vertx();
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("one target stopped for a while, the gateway restarted meanwhile: the other never waits, both end with every point exactly once")
    void oneTargetDownOtherKeepsUp(@TempDir Path dir) throws Exception {
        VictoriaMetricsServer local = new VictoriaMetricsServer(dir.resolve("vm-local")).start();
        VictoriaMetricsServer district = new VictoriaMetricsServer(dir.resolve("vm-district")).start();
        VictoriaMetricsServer districtAgain = null;
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), true).start()) {
            SiteConfig site = twoTargets(E2eHarness.site(broker.url(), "linli-two", "5", local.url(), dir.resolve("gw")),
                    local.url(), district.url());
            String[] deployment = {null};
            Gateway gateway = deploy(site, deployment);
            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-two");
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 13)) {
                // GIVEN both targets up and a first round written to each
                sim.publishRound().get(30, TimeUnit.SECONDS);
                Gateway first = gateway;
                E2eHarness.await("first round written to both targets", Duration.ofSeconds(30),
                        () -> first.store().stats().target("local").acceptedPoints() == sim.ledger().points()
                                && first.store().stats().target("district").acceptedPoints() == sim.ledger().points(),
                        () -> first.status().encode());

                // WHEN the district target stops while rounds keep coming (1.1 s apart: distinct timestamps per series)
                district.close();
                for (int i = 0; i < 5; i++) {
                    publishAndCheckLocalKeepsUp(sim, gateway, 0);
                }
                QueueStats stats = gateway.store().stats();
                assertTrue(stats.target("district").depthPoints() > sim.deviceCount() * 4L,
                        "the district's points wait in the queue: " + stats.toJson(System.currentTimeMillis()).encode());
                assertTrue(stats.target("district").writesFailing() && !stats.target("local").writesFailing());
                JsonObject status = E2eHarness.getJson(gateway.httpPort(), "/api/status").getJsonObject("queue");
                assertEquals("district", status.getString("heldBackBy"), status.encode());
                assertEquals(0L, status.getJsonObject("targets").getJsonObject("local").getLong("depthPoints"));
                String metrics = get(gateway.httpPort(), "/metrics");
                assertTrue(metrics.contains("linli_influx_failing{target=\"district\"} 1.0"), metrics);
                assertTrue(metrics.contains("linli_influx_failing{target=\"local\"} 0.0"), metrics);

                // AND the gateway restarts while the district target is still down
                vertx.undeploy(deployment[0]).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                long ledgerAtRestart = sim.ledger().points();
                gateway = deploy(site, deployment);
                for (int i = 0; i < 3; i++) {
                    publishAndCheckLocalKeepsUp(sim, gateway, ledgerAtRestart);
                }
                assertTrue(gateway.store().stats().target("district").depthPoints() > sim.deviceCount() * 7L,
                        "the district's backlog survived the restart at its own position");

                // AND the district target comes back on its port and data, while the load goes on
                districtAgain = new VictoriaMetricsServer(dir.resolve("vm-district"), district.port()).start();
                for (int i = 0; i < 2; i++) {
                    sim.publishRound().get(30, TimeUnit.SECONDS);
                    Thread.sleep(1100);
                }

                // THEN both targets hold every published reading exactly once
                Gateway last = gateway;
                E2eHarness.await("district backlog replayed", Duration.ofSeconds(60),
                        () -> last.store().stats().depthPoints() == 0, () -> last.status().encode());
                assertTrue(gateway.store().stats().target("district").replayedPoints() > 0);
                assertStoredExactlyOnce(local, sim.ledger(), "local");
                assertStoredExactlyOnce(districtAgain, sim.ledger(), "district");
            } finally {
                vertx.undeploy(deployment[0]).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        } finally {
            local.close();
            district.close();
            if (districtAgain != null) {
                districtAgain.close();
            }
        }
    }

    /** The generated compound with {@code influx.targets} [local, district] instead of its single target. */
    static SiteConfig twoTargets(SiteConfig site, String localUrl, String districtUrl) {
        return site.withInflux(InfluxOptions.ofTargets(List.of(
                new InfluxTargetOptions("local", localUrl, "linli", "compound", null, 500, 100),
                new InfluxTargetOptions("district", districtUrl, "linli", "district", null, 500, 100))));
    }

    private Gateway deploy(SiteConfig site, String[] deployment) throws Exception {
        Gateway g = new Gateway(site, VendorProfileCatalog.load(null), name -> "test-token", Clock.systemUTC());
        deployment[0] = vertx.deployVerticle(g).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        g.mqtt().firstConnect().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return g;
    }

    /**
     * Publishes a round and waits until the gateway has queued it and the local target has written all of it: the
     * running target keeps up with the published count while the other is down ({@code ledgerBase}: the ledger's
     * count when this gateway instance started, its offers count from 0).
     */
    private static void publishAndCheckLocalKeepsUp(CompoundSimulator sim, Gateway gateway, long ledgerBase)
            throws Exception {
        sim.publishRound().get(30, TimeUnit.SECONDS);
        QueueStats s = gateway.store().stats();
        E2eHarness.await("local target keeps up with the published count", Duration.ofSeconds(10),
                () -> s.offeredPoints() == sim.ledger().points() - ledgerBase && s.target("local").depthPoints() == 0,
                () -> "published " + (sim.ledger().points() - ledgerBase) + "; " + s.toJson(System.currentTimeMillis()).encode());
        Thread.sleep(1100);
    }

    /**
     * Per device and field, the samples a VictoriaMetrics target holds equal the ledger's readings: every timestamp
     * once (distinct timestamps) and no sample twice (all samples). VictoriaMetrics names a series
     * {@code <measurement>_<field>}.
     */
    static void assertStoredExactlyOnce(VictoriaMetricsServer vm, SentLedger ledger, String target) throws Exception {
        Map<String, Long> expected = new TreeMap<>();
        ledger.readingCountsByDeviceQuantity().forEach((key, n) -> {
            String device = key.substring(0, key.indexOf('/'));
            expected.put(E2eHarness.measurement(device) + "_" + key.substring(key.indexOf('/') + 1) + "/" + device, n);
        });
        Map<String, Long>[] seen = new Map[2];
        E2eHarness.await(target + " holds every reading", Duration.ofSeconds(30), () -> {
            seen[0] = new TreeMap<>();
            seen[1] = new TreeMap<>();
            for (String line : vm.export(READINGS)) {
                JsonObject o = new JsonObject(line);
                String series = o.getJsonObject("metric").getString("__name__") + "/"
                        + o.getJsonObject("metric").getString("device");
                if (!expected.containsKey(series)) {
                    continue; // a field the gateway adds itself (gas_lel_alarm): not in the ledger
                }
                Set<Long> distinct = new HashSet<>();
                o.getJsonArray("timestamps").forEach(t -> distinct.add(((Number) t).longValue()));
                seen[0].merge(series, (long) distinct.size(), Long::sum);
                seen[1].merge(series, (long) o.getJsonArray("timestamps").size(), Long::sum);
            }
            return expected.equals(seen[0]);
        }, () -> target + ": expected " + expected.size() + " series, differing: " + diff(expected, seen[0]));
        assertEquals(seen[0], seen[1], target + ": no sample stored twice");
    }

    private static String diff(Map<String, Long> expected, Map<String, Long> seen) {
        StringBuilder out = new StringBuilder();
        Set<String> keys = new HashSet<>(expected.keySet());
        if (seen != null) {
            keys.addAll(seen.keySet());
        }
        keys.stream().sorted().filter(k -> seen == null || !expected.getOrDefault(k, 0L).equals(seen.getOrDefault(k, 0L)))
                .limit(10).forEach(k -> out.append(k).append(" want ").append(expected.get(k)).append(" got ")
                        .append(seen == null ? null : seen.get(k)).append("; "));
        return out.toString();
    }

    private static String get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
