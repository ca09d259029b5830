package org.linli.sim.bench;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.centre.Centre;
import org.linli.centre.config.CentreConfigLoader;
import org.linli.sim.servers.ArtemisCluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The centre benchmark's harness on a small scale: 20 simulated compounds through a 3-node cluster in this JVM into a
 * centre in this JVM; every alert of both phases gets a latency from the console's stream, and the replay of a
 * second console carries the whole picture.
 */
class CentreScaleSmokeTest {
    @TempDir
    Path dir;
    private ArtemisCluster cluster;
    private Vertx vertx;
    private CentreScaleRun run;

    @AfterEach
    void stop() throws Exception {
        if (run != null) {
            run.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyAlertOfBothPhasesGetsALatency() throws Exception {
        // GIVEN a cluster, 20 compounds in two communities, and a centre whose site file names them
        cluster = new ArtemisCluster(dir, 3).start(Duration.ofSeconds(40));
        List<CentreScaleSite.Community> communities = CentreScaleSite.communities(20, 10);
        run = new CentreScaleRun(communities, cluster.mqttUris(), false);
        run.awaitConnected(System.nanoTime(), Duration.ofSeconds(30));
        vertx = Vertx.vertx();
        String yaml = CentreScaleSite.yaml(communities, cluster.mqttUris(), null, 0);
        Centre centre = Centre.deploy(vertx, CentreConfigLoader.parse(yaml, "bench.yaml", k -> null), k -> null)
                .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        run.openConsole(centre.httpPort(), Duration.ofSeconds(30));

        // WHEN a normal phase and a storm raise 10 + 40 alerts
        CentreScaleLatencies normal = run.phase("normal", 5, Duration.ofSeconds(2), Duration.ofSeconds(10));
        CentreScaleLatencies storm = run.phase("storm", 40, Duration.ofSeconds(1), Duration.ofSeconds(10));
        CentreScaleRun.Replay replay = run.replay(Duration.ofSeconds(10));

        // THEN each alert reached the console once with a latency, and the replay holds 20 compounds + 50 alerts
        assertEquals(10, normal.raised());
        assertEquals(40, storm.raised());
        assertTrue(normal.complete(), normal.row());
        assertTrue(storm.complete(), storm.row());
        assertTrue(storm.p50Ms() >= 0 && storm.p99Ms() >= storm.p50Ms() && storm.maxMs() < 10_000, storm.row());
        assertEquals(20 + 50, replay.count());
        assertEquals(50, run.metric("linli_centre_picture_alerts"));
    }
}
