package org.linli.sim.centre;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.RequiredTools;
import org.linli.sim.uplink.UplinkLedger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, "What must be shown", first and third bullets, on real components: a 3-node Artemis cluster (each node
 * its own JVM, per-compound security), three real gateways (child JVMs with their own devices and Mosquitto,
 * spread over the nodes), 100 simulated compound uplinks and two centre replicas (child JVMs) with the street's
 * WeCom robot. A broker node a gateway is connected to is SIGKILLed during an alert burst; afterwards every alert
 * and transition is in both replicas' pictures exactly once (same ids, highest version and state as each gateway's
 * own store and the simulated compounds' ledger) and each escalation past the community reached the street robot
 * exactly once. Then a replica is SIGKILLed and the other serves the same picture.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 420, unit = TimeUnit.SECONDS)
class CentreFailoverTest {
    private static final int SIMULATED = 100;
    private static final int SIM_ALERTS = 500;
    private static final String VICTIM = "g2";
    private CentreRig rig;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        rig = CentreRig.start(dir, SIMULATED, 2, Set.of());
    }

    @AfterAll
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    /**
     * A broker node killed mid-burst loses and doubles nothing in either replica's picture or at the street robot,
     * and a killed replica leaves the other serving the same picture.
     */
    @Test
    void everyAlertAndTransitionReachesBothReplicasOnceThroughANodeKillAndOneReplicaServesAfterTheOtherDies()
            throws Exception {
        // GIVEN gateway g2 connected to a node that is not the replicas' first node (they list node 1 first)
        RealGateway victim = rig.gateway(VICTIM);
        String killedUri = victim.uplinkNode();
        int killed = rig.cluster.mqttUris().indexOf(killedUri);
        assertTrue(killed > 0, "g2 is on node " + killedUri + " of " + rig.cluster.mqttUris());
        int connectsBefore = victim.uplinkConnects();
        Set<String> simsOnKilled = rig.uplinks.ids().stream()
                .filter(id -> killedUri.equals(rig.uplinks.serverUri(id))).collect(Collectors.toSet());

        // WHEN an alert burst runs: 500 simulated alerts at 100/s, and every gas alarm of the three real compounds
        // goes off (the elderly resident's flat 1-1-601 among them: nobody accepts it, so it escalates twice)
        CompletableFuture<Void> simBurst = rig.uplinks.raiseBurst(SIM_ALERTS, 100);
        CompletableFuture<Void> gatewayBurst = CompletableFuture.runAsync(() -> rig.gateways.values()
                .parallelStream().forEach(g -> RealGateway.FLATS.forEach(flat -> {
                    try {
                        g.gasLeak(flat);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })));
        // AND a third of the way through, g2's broker node is SIGKILLed
        await().atMost(Duration.ofSeconds(60)).until(() -> rig.uplinks.ledger().all().size() >= SIM_ALERTS / 3);
        long killedAt = System.nanoTime();
        rig.cluster.kill(killed);
        await("g2 connected to another node").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> victim.uplinkConnects() > connectsBefore && !killedUri.equals(victim.uplinkNode()));
        long gatewayFailoverMs = ms(killedAt);
        await("simulated compounds of the killed node moved").atMost(Duration.ofSeconds(60))
                .until(() -> rig.uplinks.connectedCount() == SIMULATED);
        long simFailoverMs = ms(killedAt);
        gatewayBurst.get(60, TimeUnit.SECONDS);
        simBurst.get(60, TimeUnit.SECONDS);
        // AND people work on the real compounds' alerts meanwhile (accept, resolve, a device clears)
        Map<String, Integer> transitions = new HashMap<>();
        for (RealGateway g : rig.gateways.values()) {
            transitions.put(g.id, work(g));
        }
        // the escalations: level 2 (the duty office, past the community) of each compound's 1-1-601 alarm
        for (RealGateway g : rig.gateways.values()) {
            await(g.id + " 1-1-601 escalated twice").atMost(Duration.ofSeconds(60)).until(() ->
                    g.alertOf(RealGateway.ELDERLY_FLAT).getInteger("escalationLevel") >= 2);
        }
        await("outboxes drained").atMost(Duration.ofSeconds(60)).until(() -> rig.uplinks.pending() == 0
                && rig.gateways.values().stream().allMatch(g -> outboxDepth(g) == 0));
        // what a killed node acknowledged but had not yet forwarded waits in its journal: bring it back
        long restartAt = System.nanoTime();
        rig.cluster.restart(killed, Duration.ofSeconds(90));
        long restartMs = ms(restartAt);

        // THEN both replicas' pictures equal each gateway's own store and the simulated compounds' ledger
        int versionsCompared = 0;
        for (CentreReplica replica : rig.replicas) {
            HttpSession street = replica.login("street-duty");
            for (RealGateway g : rig.gateways.values()) {
                await(replica.replica + " has " + g.id + "'s store").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> picture(street, "compound=" + g.id).equals(store(g)));
                assertEquals(store(g), picture(street, "compound=" + g.id));
                versionsCompared += store(g).size();
            }
            Map<String, String> ledger = ledger(rig.uplinks.ledger());
            await(replica.replica + " has the ledger").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> picture(street, "community=c3").equals(ledger));
            versionsCompared += ledger.size();
        }
        // AND the street robot got each escalation past the community exactly once, and nothing else
        Map<String, Integer> escalated = new TreeMap<>();
        for (RealGateway g : rig.gateways.values()) {
            g.alerts().values().stream().filter(a -> a.getInteger("escalationLevel") >= 2)
                    .forEach(a -> escalated.put(g.id + "/" + a.getString("id") + "@2", 1));
        }
        assertEquals(3, escalated.size(), "one escalated alert per compound: " + escalated);
        await("street robot notified").atMost(Duration.ofSeconds(30))
                .until(() -> rig.robots.streetByAlertLevel.keySet().containsAll(escalated.keySet()));
        // a second copy would come within the replicas' notification round trip: give it the time of one more
        // summary period before comparing (a non-event, so a bounded wait on a condition that stays true)
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        Map<String, Integer> notified = new TreeMap<>();
        rig.robots.streetByAlertLevel.forEach((k, v) -> notified.put(k, v.get()));
        assertEquals(escalated, notified);
        assertEquals(0, rig.robots.malformed.get());

        // (duplicates and older copies each replica dropped: redelivery after the failover is harmless)
        List<Double> dropped = new java.util.ArrayList<>();
        for (CentreReplica replica : rig.replicas) {
            dropped.add(replica.metric("linli_centre_versions_dropped"));
        }

        // WHEN replica ra is SIGKILLed
        CentreReplica survivor = rig.replicas.get(1);
        HttpSession street = survivor.login("street-duty");
        Map<String, String> alertsBefore = picture(street, "");
        Map<String, String> treeBefore = tree(street.json("/api/tree"));
        rig.replicas.get(0).kill();
        // THEN rb keeps serving the tree and the alerts with the full picture, the same answers as before
        Map<String, String> alertsAfter = picture(street, "");
        Map<String, String> treeAfter = tree(street.json("/api/tree"));
        assertEquals(alertsBefore, alertsAfter);
        assertEquals(treeBefore, treeAfter);
        assertEquals(3 + SIMULATED, treeAfter.size());

        int realVersions = rig.gateways.values().stream().mapToInt(g -> {
            try {
                return store(g).values().stream().mapToInt(v -> Integer.parseInt(v.split(" ")[0])).sum();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).sum();
        System.out.printf("CentreFailoverTest: rig up %d ms; node %d (g2's, with %d simulated compounds) SIGKILLed:"
                        + " g2 reconnected elsewhere after %d ms, every simulated compound after %d ms; node restart"
                        + " %d ms; transitions by people %s; alerts compared per replica: real %d (versions %d),"
                        + " simulated %d (%d acknowledged publications); total alert states compared %d; street"
                        + " notifications %s; copies dropped as duplicate or older per replica %s%n",
                rig.startMs, killed + 1, simsOnKilled.size(), gatewayFailoverMs, simFailoverMs, restartMs,
                transitions, rig.gateways.values().stream().mapToInt(g -> {
                    try {
                        return store(g).size();
                    } catch (Exception e) {
                        return -1;
                    }
                }).sum(), realVersions, ledger(rig.uplinks.ledger()).size(), rig.uplinks.ledger().all().size(),
                versionsCompared, notified, dropped);
    }

    /** Accepts two alerts, resolves one of them, and clears a device: returns how many transitions. */
    private static int work(RealGateway g) throws Exception {
        int n = 0;
        for (String flat : List.of("1-1-101", "1-1-102")) {
            String id = g.alertOf(flat).getString("id");
            assertEquals(200, g.http().post("/api/alerts/" + id + "/accept", new JsonObject()).status());
            n++;
        }
        String id = g.alertOf("1-1-101").getString("id");
        assertEquals(200, g.http().post("/api/alerts/" + id + "/resolve",
                new JsonObject().put("outcome", "REAL_INCIDENT").put("note", "关阀开窗")).status());
        n++;
        g.gasLeakOver("1-1-201");
        return n + 1;
    }

    private static long outboxDepth(RealGateway g) {
        try {
            return g.uplink().getLong("outboxDepth");
        } catch (Exception e) {
            return -1;
        }
    }

    /** The gateway's own store: id -> "version state". */
    private static Map<String, String> store(RealGateway g) throws Exception {
        Map<String, String> m = new TreeMap<>();
        g.alerts().forEach((id, a) -> m.put(id, a.getInteger("version") + " " + a.getString("state")));
        return m;
    }

    /** The centre's alerts of compound origin matching {@code filter}: id (or key for several) -> "version state". */
    private static Map<String, String> picture(HttpSession s, String filter) throws Exception {
        Map<String, String> m = new TreeMap<>();
        boolean oneCompound = filter.startsWith("compound=");
        for (Object o : s.json("/api/alerts?state=all&" + filter).getJsonArray("alerts")) {
            JsonObject a = (JsonObject) o;
            if ("compound".equals(a.getString("origin"))) {
                m.put(oneCompound ? a.getString("id") : a.getString("key"),
                        a.getInteger("version") + " " + a.getString("state"));
            }
        }
        return m;
    }

    /** The ledger's latest acknowledged version per key: key -> "version state". */
    private static Map<String, String> ledger(UplinkLedger ledger) {
        Map<String, UplinkLedger.Entry> latest = new HashMap<>();
        for (UplinkLedger.Entry e : ledger.all()) {
            latest.merge(e.key(), e, (x, y) -> x.version() >= y.version() ? x : y);
        }
        Map<String, String> m = new TreeMap<>();
        latest.forEach((k, e) -> m.put(k, e.version() + " " + e.state()));
        return m;
    }

    /** The tree's compounds: id -> "reachable openAlerts". */
    private static Map<String, String> tree(JsonObject tree) {
        Map<String, String> m = new TreeMap<>();
        CentreRig.compounds(tree).forEach(c -> m.put(c.getString("id"),
                c.getBoolean("reachable") + " " + c.getValue("openAlerts")));
        return m;
    }

    private static long ms(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}
