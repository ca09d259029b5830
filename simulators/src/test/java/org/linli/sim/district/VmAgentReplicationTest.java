package org.linli.sim.district;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.config.InfluxTarget;
import org.linli.gateway.config.QueueOptions;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.queue.StoreAndForward;
import org.linli.gateway.queue.TargetStats;
import org.linli.gateway.timeseries.InfluxLineWriter;
import org.linli.gateway.timeseries.PointBatch;
import org.linli.sim.servers.RequiredTools;
import org.linli.sim.servers.VictoriaMetricsServer;
import org.linli.sim.servers.VmAgent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 13, the district write path: the gateway's queue and writer send its district target to a real vmagent, which
 * replicates to two real VictoriaMetrics nodes. One node is SIGKILLed and restarted during a steady load: vmagent
 * catches it up on everything written while it was down; what the node had acknowledged but not yet flushed when it
 * died is copied from its twin (the repair step of docs/DEPLOY.md); both nodes end with every point, once.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class VmAgentReplicationTest {
    private static final int SERIES = 40;
    private static final int ROUNDS = 200;
    private static final long T0 = 1_764_000_000_000L;
    private static final int KILL_ROUND = 50;
    private static final int RESTART_ROUND = 120;
    private static final String PROBE = "{__name__=\"district_probe_value\"}";
    private Vertx vertx;
    /** The one event-loop context the queue is confined to. */
    private Context loop;

    @BeforeEach
    void setUp() {
        RequiredTools.require("victoria-metrics", VictoriaMetricsServer.available() && VmAgent.available());
        vertx = Vertx.vertx();
        loop = vertx.getOrCreateContext();
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("vmagent with two VictoriaMetrics nodes, one SIGKILLed and restarted under steady load: both nodes end with every point")
    void nodeKilledAndRestartedUnderLoad(@TempDir Path dir) throws Exception {
        VictoriaMetricsServer a = new VictoriaMetricsServer(dir.resolve("vm-a")).start();
        VictoriaMetricsServer b = new VictoriaMetricsServer(dir.resolve("vm-b")).start();
        VictoriaMetricsServer bAgain = null;
        try (VmAgent agent = new VmAgent(dir.resolve("vmagent"), List.of(VmAgent.remoteWriteUrl(a.url()),
                VmAgent.remoteWriteUrl(b.url()))).start();
             InfluxLineWriter writer = new InfluxLineWriter(agent.url(), "linli", "district", "t".toCharArray(),
                     Duration.ofSeconds(10))) {
            // GIVEN the gateway's store-and-forward with its district target on the vmagent
            InfluxTarget district = new InfluxTarget("district", agent.url(), "linli", "district", "T", 500, 100);
            StoreAndForward store = onLoop(() -> StoreAndForward.start(vertx, QueueOptions.defaults()
                            .withDir(dir.resolve("queue").toString()).withFsyncEveryMs(2), dir.toString(),
                    List.of(district), t -> writer, DeadLetters.inMemory(Clock.systemUTC()), Clock.systemUTC()));
            TargetStats stats = store.stats().target("district");

            // WHEN a steady load of 40 series is written (one round every 50 ms), node B is SIGKILLed after 50 rounds
            // and restarted on its port and data directory after 120
            for (int round = 0; round < ROUNDS; round++) {
                List<String> lines = new ArrayList<>(SERIES);
                for (int s = 0; s < SERIES; s++) {
                    lines.add("district_probe,street=s1,community=c1,compound=k" + (s % 4) + ",device=d" + s
                            + " value=" + round + "i " + (T0 + round * 1000L));
                }
                onLoop(() -> store.queue().offer(PointBatch.telemetry(lines)));
                if (round == KILL_ROUND) {
                    b.kill();
                } else if (round == RESTART_ROUND) {
                    bAgain = new VictoriaMetricsServer(dir.resolve("vm-b"), b.port()).start();
                }
                Thread.sleep(50); // pacing of the load, not a wait for state
            }

            // THEN the gateway saw no failure at all: vmagent took every write while a node was down
            Awaitility.await("queue written to vmagent").atMost(Duration.ofSeconds(30))
                    .until(() -> stats.depthPoints() == 0 && stats.acceptedPoints() == (long) SERIES * ROUNDS);
            assertEquals(0, stats.retries(), "the gateway never waited for the dead node");
            // AND node A, never down, holds every point exactly once
            assertEveryPointOnce(a, "node A", agent);
            // AND vmagent's buffer for B drained once B was back: B has everything written while it was down
            VictoriaMetricsServer restarted = bAgain;
            Awaitility.await("vmagent delivered its buffer to B").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500)).until(() -> agent.pendingBytes() == 0
                            && missing(a, restarted).stream().allMatch(l -> round(l) <= KILL_ROUND));
            // AND what B lacks is only what it had acknowledged and not yet flushed when it was SIGKILLed (docs/DEPLOY.md:
            // VictoriaMetrics does not fsync each write): vmagent cannot resend it; the twin node has it
            List<String> lost = missing(a, bAgain);
            System.out.printf("node B lost %d acknowledged point(s) to the SIGKILL (the latest of round %s; killed "
                            + "after round %d); repaired from node A%n",
                    lost.stream().mapToLong(l -> new JsonObject(l).getJsonArray("timestamps").size()).sum(),
                    lost.stream().map(VmAgentReplicationTest::round).distinct().sorted().toList(), KILL_ROUND);
            // WHEN the repair step of docs/DEPLOY.md copies what B lacks from its twin
            bAgain.importLines(lost);
            // THEN both nodes hold every point exactly once
            assertEveryPointOnce(bAgain, "node B", agent);
            onLoop(store::close);
        } finally {
            a.close();
            b.close();
            if (bAgain != null) {
                bAgain.close();
            }
        }
    }

    /**
     * What {@code from} holds and {@code to} lacks, as import lines of the same format as the export: per series, the
     * samples at timestamps {@code to} does not have.
     */
    static List<String> missing(VictoriaMetricsServer from, VictoriaMetricsServer to) {
        Map<String, Set<Long>> have = new TreeMap<>();
        for (String line : to.export(PROBE)) {
            JsonObject o = new JsonObject(line);
            Set<Long> ts = have.computeIfAbsent(o.getJsonObject("metric").encode(), k -> new HashSet<>());
            o.getJsonArray("timestamps").forEach(t -> ts.add(((Number) t).longValue()));
        }
        List<String> out = new ArrayList<>();
        for (String line : from.export(PROBE)) {
            JsonObject o = new JsonObject(line);
            Set<Long> ts = have.getOrDefault(o.getJsonObject("metric").encode(), Set.of());
            JsonArray values = new JsonArray();
            JsonArray times = new JsonArray();
            for (int i = 0; i < o.getJsonArray("timestamps").size(); i++) {
                long t = o.getJsonArray("timestamps").getLong(i);
                if (!ts.contains(t)) {
                    values.add(o.getJsonArray("values").getValue(i));
                    times.add(t);
                }
            }
            if (!times.isEmpty()) {
                out.add(new JsonObject().put("metric", o.getJsonObject("metric")).put("values", values)
                        .put("timestamps", times).encode());
            }
        }
        return out;
    }

    /** The latest load round of an import line (timestamps are T0 + round seconds). */
    private static long round(String importLine) {
        JsonArray ts = new JsonObject(importLine).getJsonArray("timestamps");
        return (ts.getLong(ts.size() - 1) - T0) / 1000;
    }

    /** Each of the 40 series holds its 200 timestamps, each once. */
    private static void assertEveryPointOnce(VictoriaMetricsServer vm, String node, VmAgent agent) throws Exception {
        Map<String, long[]> seen = new TreeMap<>();
        try {
            Awaitility.await(node + " holds every point").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    seen.clear();
                    for (String line : vm.export(PROBE)) {
                        JsonObject o = new JsonObject(line);
                        Set<Long> distinct = new HashSet<>();
                        o.getJsonArray("timestamps").forEach(t -> distinct.add(((Number) t).longValue()));
                        seen.put(o.getJsonObject("metric").getString("device"),
                                new long[]{distinct.size(), o.getJsonArray("timestamps").size()});
                    }
                    return seen.size() == SERIES && seen.values().stream().allMatch(c -> c[0] == ROUNDS);
                });
        } catch (ConditionTimeoutException e) {
            StringBuilder counts = new StringBuilder();
            seen.forEach((device, c) -> counts.append(device).append('=').append(c[0]).append(' '));
            List<String> log = Files.readAllLines(agent.log());
            fail(node + " after 120 s: series " + seen.size() + ", distinct samples per series: " + counts
                    + "\nvmagent log tail:\n" + String.join("\n", log.subList(Math.max(0, log.size() - 15), log.size())));
        }
        seen.forEach((device, c) -> assertEquals(ROUNDS, c[1], node + ": no sample twice in " + device));
    }

    private <T> T onLoop(Supplier<Future<T>> action) throws Exception {
        CompletableFuture<T> r = new CompletableFuture<>();
        loop.runOnContext(v -> action.get().onComplete(ar -> {
            if (ar.succeeded()) {
                r.complete(ar.result());
            } else {
                r.completeExceptionally(ar.cause());
            }
        }));
        return r.get(30, TimeUnit.SECONDS);
    }
}
