package org.linli.sim.uplink;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.sim.servers.ArtemisCluster;
import org.linli.sim.servers.ArtemisSecurity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Simulated compound uplinks against the 3-node cluster with per-compound security: they publish alert versions the
 * centre can key and order, retained summaries, a will when a compound goes dark abruptly, and answer commands
 * (scope check, workflow, resend) on the centre's reply topic with the request's correlation data.
 */
class SimulatedUplinksTest {
    private static final int COMPOUNDS = 4;
    @TempDir
    static Path dir;
    private static ArtemisCluster cluster;
    private static SimulatedUplinks uplinks;
    private static CentreProbe centre;

    @BeforeAll
    static void start() throws Exception {
        List<ArtemisSecurity.Compound> list = new ArrayList<>();
        for (int i = 1; i <= COMPOUNDS; i++) {
            list.add(new ArtemisSecurity.Compound("s1", "c1", "x" + i));
        }
        cluster = new ArtemisCluster(dir, 3)
                .withLogins(dir.resolve("logins"), new ArtemisSecurity(list), Map.of("centre-a", "secret-a"))
                .start(Duration.ofSeconds(40));
        centre = new CentreProbe(cluster.mqttUris(), "centre-a", "secret-a");
        await().atMost(Duration.ofSeconds(10)).until(centre::subscribed);
        // the centre's subscriptions must be known on every node before compounds publish there
        await().atMost(Duration.ofSeconds(20)).until(() -> cluster.remoteBindingCount(1) >= 3
                && cluster.remoteBindingCount(2) >= 3);
        uplinks = SimulatedUplinks.start(UplinkOptions.of(cluster.mqttUris(), "s1", "c1", COMPOUNDS)
                .withLogin(ArtemisCluster::compoundPassword).withSummaryInterval(Duration.ofSeconds(2))
                .withKeepAlive(2));
        assertTrue(uplinks.awaitConnected(20_000), "every compound connected");
        // a compound subscribes to its commands after connecting, and a command the centre publishes on a node
        // that does not yet know that subscription is dropped: wait until every node knows every compound's
        await().atMost(Duration.ofSeconds(20)).until(() -> uplinks.ids().stream()
                .allMatch(x -> cluster.boundOnEveryNode(uplinks.address(x).topic("command"))));
    }

    @AfterAll
    static void stop() throws Exception {
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
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void alertVersionsAndSummariesReachTheCentreAndMatchTheLedger() {
        // GIVEN connected compounds spread over the three nodes
        // WHEN a burst of 20 alerts is raised and one is accepted locally
        uplinks.raiseBurst(20, 200).join();
        String id = uplinks.raise("x1");
        assertEquals(null, uplinks.act("x1", id, "accept", null, null));
        // THEN the centre holds, per alert, the highest version the ledger has, and every compound's summary
        await().atMost(Duration.ofSeconds(20)).until(() -> uplinks.pending() == 0
                && centre.highest.equals(uplinks.ledger().latestVersions()));
        assertEquals(2, centre.highest.get("x1/" + id));
        await().atMost(Duration.ofSeconds(10)).until(() -> centre.summaries.size() == COMPOUNDS);
        JsonObject summary = centre.summaries.get("x2");
        assertEquals(true, summary.getBoolean("reachable"));
        assertEquals("c1", summary.getString("community"));
        assertTrue(uplinks.ids().stream().map(uplinks::serverUri).distinct().count() > 1, "spread over nodes");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void commandsAreAnsweredWithTheScopeAndWorkflowChecksAndResend() throws Exception {
        // GIVEN an open alert in x3, whose command subscription every node knows (a keep-alive of 2 s on a busy
        // box may have moved it to another node since the start)
        String id = uplinks.raise("x3");
        String topic = uplinks.address("x3").topic("command");
        await().atMost(Duration.ofSeconds(20)).until(() -> cluster.boundOnEveryNode(topic));
        assertFalse(cluster.boundOnEveryNode(uplinks.address("x3").topic("nobody-listens")), "the wait can tell");
        JsonObject scope = new JsonObject().put("street", "s1").put("community", "c1").put("compound", null);
        // WHEN the centre accepts it, accepts it again, acts out of scope, and asks for a resend
        centre.command(topic, "r-accept", cmd("accept", id, scope));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(
                centre.replies.containsKey("r-accept"), () -> "no answer yet; " + state("x3")));
        centre.command(topic, "r-again", cmd("accept", id, scope));
        centre.command(topic, "r-scope", cmd("accept", id, new JsonObject().put("street", "s1")
                .put("community", "c2")));
        centre.command(topic, "r-resend", new JsonObject().put("v", 1).put("action", "resend").put("scope", scope));
        centre.command(topic, "r-bad", new JsonObject().put("v", 1).put("action", "fly").put("scope", scope)
                .put("alert", id));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(centre.replies.keySet().containsAll(
                List.of("r-again", "r-scope", "r-resend", "r-bad")), () -> "answers " + centre.replies.keySet()
                + "; " + state("x3")));
        // THEN accept is ok with version 2, the second accept not-allowed, c2's scope out-of-scope, resend counts
        JsonObject accepted = centre.replies.get("r-accept");
        assertEquals("ok", accepted.getString("code"));
        assertEquals("ACCEPTED", accepted.getJsonObject("alert").getString("state"));
        assertEquals(2, accepted.getJsonObject("alert").getInteger("version"));
        assertEquals("not-allowed", centre.replies.get("r-again").getString("code"));
        assertEquals("out-of-scope", centre.replies.get("r-scope").getString("code"));
        assertEquals("bad-request", centre.replies.get("r-bad").getString("code"));
        JsonObject resent = centre.replies.get("r-resend");
        assertEquals("ok", resent.getString("code"));
        assertTrue(resent.getInteger("resent") >= 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> Integer.valueOf(2).equals(centre.highest.get("x3/" + id)));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCompoundGoingDarkFiresItsWillAndComingBackMarksItReachable() {
        // GIVEN x4 connected and its summary seen
        await().atMost(Duration.ofSeconds(10)).until(() -> centre.summaries.containsKey("x4"));
        // WHEN it goes dark abruptly (no DISCONNECT)
        long darkAt = System.nanoTime();
        uplinks.goDark("x4");
        // THEN the centre receives its will: unreachable, reason will (keep-alive 2 s: within ~3 s)
        await().atMost(Duration.ofSeconds(20)).until(() -> !centre.summaries.get("x4").getBoolean("reachable"));
        long willMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - darkAt);
        assertEquals("will", centre.summaries.get("x4").getString("reason"));
        // WHEN it comes back THEN its next summary says reachable again
        uplinks.comeBack("x4");
        await().atMost(Duration.ofSeconds(20)).until(() -> centre.summaries.get("x4").getBoolean("reachable"));
        System.out.printf("SimulatedUplinksTest: will received %d ms after going dark%n", willMs);
    }

    /** Where a compound and the centre stand, for a failure message: connections, reconnects, the outbox. */
    private static String state(String compound) {
        return uplinks.describe(compound) + "; its command topic bound on every node: "
                + cluster.boundOnEveryNode(uplinks.address(compound).topic("command")) + "; the centre connected "
                + centre.connects;
    }

    private static JsonObject cmd(String action, String id, JsonObject scope) {
        return new JsonObject().put("v", 1).put("action", action).put("alert", id).put("by", "centre:wang")
                .put("byName", "王芳").put("scope", scope);
    }
}
