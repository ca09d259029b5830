package org.linli.sim.uplink;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.sim.servers.ArtemisCluster;
import org.linli.sim.servers.ArtemisSecurity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broker node SIGKILLed during an alert burst: the 100 simulated compounds on a 3-node cluster (each node its own
 * JVM) that were on it fail over to the others, and a plain centre subscriber ends up with every alert version the
 * compounds' ledger says the broker acknowledged (at least once; keyed by compound/id and version, exactly once in
 * the picture). Also records what becomes of the killed node's clients' wills.
 */
class UplinkFailoverTest {
    private static final int COMPOUNDS = 100;
    private static final int ALERTS = 1_000;
    private static final int KILLED = 1;

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
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void everyAcknowledgedVersionReachesTheCentreWhenANodeIsKilledMidBurst() throws Exception {
        // GIVEN a 3-node cluster of separate JVMs with per-compound security, a centre subscriber on node 1, and
        // 100 compounds spread over the nodes, all of whose summaries the centre has seen (routing is in place)
        long startMs = startClusterCentreAndCompounds();
        String killedUri = cluster.mqttUri(KILLED);
        Set<String> onKilled = new HashSet<>();
        uplinks.ids().stream().filter(id -> killedUri.equals(uplinks.serverUri(id))).forEach(onKilled::add);
        assertTrue(onKilled.size() > 10, "compounds on the node to kill: " + onKilled.size());

        // WHEN a burst of 1,000 alerts at 200/s runs and node 2 is SIGKILLed a third of the way through
        CompletableFuture<Void> burst = uplinks.raiseBurst(ALERTS, 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> uplinks.ledger().all().size() >= ALERTS / 3);
        long killedAt = System.nanoTime();
        cluster.kill(KILLED);
        // failover: every compound of the killed node connected to another node
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> onKilled.stream()
                .allMatch(id -> uplinks.serverUri(id) != null && !killedUri.equals(uplinks.serverUri(id))
                        && uplinks.connectedCount() == COMPOUNDS));
        long failoverMs = ms(killedAt);
        burst.get(60, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60)).until(() -> uplinks.pending() == 0);
        // what the centre has while the killed node is still down (its undelivered messages wait in its journal):
        // a measurement of something that may not happen, so a 2 s grace rather than a condition
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
        int missingWhileDown = missing().size();
        List<String> willsWhileDown = new ArrayList<>(centre.wills);

        // THEN after the node's restart the centre has seen every acknowledged version, and its picture (the
        // highest version per key) equals the ledger's
        long restartAt = System.nanoTime();
        cluster.restart(KILLED, Duration.ofSeconds(90));
        long restartMs = ms(restartAt);
        await().atMost(Duration.ofSeconds(60)).until(() -> missing().isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> centre.highest.equals(uplinks.ledger().latestVersions()));
        // wills that might still come from the restarted node: a non-event, observed over a 3 s grace
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        List<String> willsAfterRestart = new ArrayList<>(centre.wills);
        long unreachable = centre.summaries.values().stream().filter(s -> !s.getBoolean("reachable")).count();
        int acknowledged = uplinks.ledger().all().size();
        System.out.printf("UplinkFailoverTest: cluster start (3 JVMs) %d ms; %d compounds on the killed node,"
                        + " all reconnected elsewhere %d ms after SIGKILL; %d versions acknowledged (%d distinct),"
                        + " centre received %d messages; missing while the node was down: %d; node restart %d ms;"
                        + " wills while down: %d %s; wills after restart: %d; compounds shown unreachable at the end:"
                        + " %d; threads in the uplinks' pool: %d%n",
                startMs, onKilled.size(), failoverMs, acknowledged, new HashSet<>(keys()).size(),
                centre.alertMessages.get(), missingWhileDown, restartMs, willsWhileDown.size(), willsWhileDown,
                willsAfterRestart.size(), unreachable, uplinks.threads());
        assertTrue(missing().isEmpty());
        assertEquals(uplinks.ledger().latestVersions(), centre.highest);
        assertTrue(acknowledged >= ALERTS, "every raised version acknowledged");
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void whenTheCentresOwnNodeIsKilledAResendRestoresItsPicture() throws Exception {
        // GIVEN the cluster, the centre subscriber on node 1 and 100 compounds spread over the nodes
        startClusterCentreAndCompounds();
        String centreUri = cluster.mqttUri(0);

        // WHEN node 1 (the centre's) is SIGKILLed during a burst of 1,000 alerts at 200/s
        CompletableFuture<Void> burst = uplinks.raiseBurst(ALERTS, 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> uplinks.ledger().all().size() >= ALERTS / 3);
        long killedAt = System.nanoTime();
        cluster.kill(0);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> centre.subscribed()
                && !centre.connects.get(centre.connects.size() - 1).equals(centreUri));
        long centreFailoverMs = ms(killedAt);
        burst.get(60, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60)).until(() -> uplinks.pending() == 0
                && uplinks.connectedCount() == COMPOUNDS);
        // the versions sent while the centre had no subscription anywhere, or queued for it on the dead node,
        // are gone for it: measured over a 2 s grace (a non-event)
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
        int missingVersions = missing().size();
        long staleAlerts = uplinks.ledger().latestVersions().entrySet().stream()
                .filter(e -> !e.getValue().equals(centre.highest.get(e.getKey()))).count();

        // THEN a resend to every compound (as a centre does after a failover) restores the full picture
        for (String id : uplinks.ids()) {
            centre.command(uplinks.address(id).topic("command"), "resend-" + id, new JsonObject()
                    .put("v", 1).put("action", "resend").put("scope", new JsonObject()
                            .put("street", "s1")));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> centre.replies.size() == COMPOUNDS);
        await().atMost(Duration.ofSeconds(60)).until(() -> uplinks.pending() == 0
                && centre.highest.equals(uplinks.ledger().latestVersions()));
        System.out.printf("UplinkFailoverTest (centre's node killed): centre resubscribed on another node %d ms"
                        + " after SIGKILL; versions it missed %d; alerts whose latest version it lacked %d, all"
                        + " restored by a resend to %d compounds%n", centreFailoverMs, missingVersions, staleAlerts,
                COMPOUNDS);
        assertEquals(uplinks.ledger().latestVersions(), centre.highest);
    }

    /** Starts the 3 node JVMs, the centre probe on node 1 and the compounds; returns the cluster's start time. */
    private long startClusterCentreAndCompounds() throws Exception {
        List<ArtemisSecurity.Compound> list = new ArrayList<>();
        for (int i = 1; i <= COMPOUNDS; i++) {
            list.add(new ArtemisSecurity.Compound("s1", "c1", "x" + i));
        }
        long t0 = System.nanoTime();
        cluster = new ArtemisCluster(dir, 3).inProcesses()
                .withLogins(dir.resolve("logins"), new ArtemisSecurity(list), Map.of("centre-a", "secret-a"))
                .start(Duration.ofSeconds(90));
        long startMs = ms(t0);
        centre = new CentreProbe(cluster.mqttUris(), "centre-a", "secret-a");
        await().atMost(Duration.ofSeconds(10)).until(centre::subscribed);
        uplinks = SimulatedUplinks.start(UplinkOptions.of(cluster.mqttUris(), "s1", "c1", COMPOUNDS)
                .withLogin(ArtemisCluster::compoundPassword).withSummaryInterval(Duration.ofSeconds(5)));
        assertTrue(uplinks.awaitConnected(60_000), "every compound connected");
        await().atMost(Duration.ofSeconds(60)).until(() -> centre.summaries.size() == COMPOUNDS);
        return startMs;
    }

    private List<String> keys() {
        return uplinks.ledger().all().stream().map(e -> e.key() + "@" + e.version()).toList();
    }

    private Set<String> missing() {
        Set<String> missing = new HashSet<>(keys());
        missing.removeAll(centre.versionsSeen);
        return missing;
    }

    private static long ms(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}
