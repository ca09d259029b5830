package org.linli.sim.uplink;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.linli.sim.servers.ArtemisCluster;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 700 simulated compounds (a district) in this JVM against a 3-node cluster of separate JVMs: they all connect and
 * every summary and a burst of alerts reach a centre subscriber; prints the time to connect, this JVM's heap after
 * a GC, its resident memory and thread count. Tagged {@code scale}, which the build leaves out (it loads the machine
 * for a minute or more): run it with {@code mvn -pl simulators -am test -Dlinli.excludedGroups= -Dtest=SimulatedUplinksScaleTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("scale")
class SimulatedUplinksScaleTest {
    private static final int COMPOUNDS = 700;

    @TempDir
    Path dir;
    private ArtemisCluster cluster;
    private SimulatedUplinks uplinks;
    private CentreProbe centre;

    @AfterEach
    void stop() throws Exception {
        if (uplinks != null) {
            uplinks.close();
        }
        if (centre != null) {
            centre.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void sevenHundredCompoundsRunInOneJvm() throws Exception {
        // GIVEN a cluster (no logins) and a centre subscriber
        cluster = new ArtemisCluster(dir, 3).inProcesses().start(Duration.ofSeconds(90));
        centre = new CentreProbe(cluster.mqttUris(), null, null);
        await().atMost(Duration.ofSeconds(10)).until(centre::subscribed);
        long heapBefore = usedHeapAfterGc();
        // WHEN 700 compounds start and raise 700 alerts at 200/s
        long t0 = System.nanoTime();
        uplinks = SimulatedUplinks.start(UplinkOptions.of(cluster.mqttUris(), "s1", "c1", COMPOUNDS)
                .withSummaryInterval(Duration.ofSeconds(15)));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(5)).until(() -> {
            System.out.printf("SimulatedUplinksScaleTest: %d connected after %d ms%n", uplinks.connectedCount(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            return uplinks.connectedCount() == COMPOUNDS;
        });
        long connectMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        await().atMost(Duration.ofSeconds(60)).until(() -> centre.summaries.size() == COMPOUNDS);
        uplinks.raiseBurst(COMPOUNDS, 200).get(60, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60)).until(() -> uplinks.pending() == 0
                && centre.highest.size() == COMPOUNDS);
        // THEN print the figures
        long heap = usedHeapAfterGc() - heapBefore;
        System.out.printf("SimulatedUplinksScaleTest: %d compounds connected in %d ms; heap used by them after GC"
                        + " %d MB; JVM resident %s; JVM threads %d (uplink pool %d)%n", COMPOUNDS, connectMs,
                heap >> 20, rss(), ManagementFactory.getThreadMXBean().getThreadCount(), uplinks.threads());
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static String rss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("?");
    }
}
