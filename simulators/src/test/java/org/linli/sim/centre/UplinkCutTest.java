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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, "What must be shown", second bullet: a real gateway's uplink cut (a {@link org.linli.sim.servers.TcpProxy}
 * per broker node between it and a 3-node secured Artemis cluster of separate JVMs) for two minutes while the
 * compound keeps working alone, then restored; and a gateway SIGKILLed with a large outbox, started again on the
 * same data directory. A centre replica (its own JVM) and a plain centre-role MQTT subscriber watch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 420, unit = TimeUnit.SECONDS)
class UplinkCutTest {
    private static final Duration CUT = Duration.ofMinutes(2);
    private static final List<String> CUT_FLATS = List.of("1-1-101", "1-1-102", "1-1-201", "1-1-202", "1-1-301",
            "2-1-101");
    private CentreRig rig;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        rig = CentreRig.start(dir, 0, 1, Set.of("g1", "g2"));
    }

    @AfterAll
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    /** A two-minute uplink cut: the compound works alone, the centre shows it dark, then catches up in order. */
    @Test
    void aCompoundCutOffForTwoMinutesWorksAloneIsShownUnreachableAndTheCentreCatchesUpInOrder() throws Exception {
        // GIVEN gateway g1 connected through its relays, a centre-role subscriber on its alert topic, the centre
        RealGateway g1 = rig.gateway("g1");
        HttpSession wang = rig.replicas.get(0).login("wangfang");
        try (MqttCentreProbe probe = new MqttCentreProbe(rig.cluster.mqttUris(), "s1", "c1", "g1")) {
            int robotBefore = rig.robots.messages(g1.robotKey()).size();

            // WHEN its uplink is cut
            long cutAt = System.nanoTime();
            rig.cut("g1", true);
            // THEN the centre shows it unreachable (its will) with one centre alert
            await("g1 shown unreachable").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !reachable(wang, "g1"));
            long unreachableMs = ms(cutAt);
            // AND the compound keeps raising, dispatching and handling alerts on its own
            for (String flat : CUT_FLATS) {
                g1.gasLeak(flat);
            }
            await("raised locally").atMost(Duration.ofSeconds(30)).until(() -> CUT_FLATS.stream().allMatch(f -> {
                try {
                    return g1.alertOf(f) != null;
                } catch (Exception e) {
                    return false;
                }
            }));
            String accepted = g1.alertOf("1-1-101").getString("id");
            assertEquals(200, g1.http().post("/api/alerts/" + accepted + "/accept", new JsonObject()).status());
            String reassigned = g1.alertOf("1-1-102").getString("id");
            HttpSession.Answer r = g1.http().post("/api/alerts/" + reassigned + "/reassign",
                    new JsonObject().put("to", "chen"));
            assertEquals(200, r.status(), r.json().encode());
            await("the grid robot got a dispatch message per new alert").atMost(Duration.ofSeconds(60))
                    .until(() -> rig.robots.messages(g1.robotKey()).size() - robotBefore >= CUT_FLATS.size());
            JsonObject uplink = g1.uplink();
            assertTrue(uplink.getLong("outboxDepth") >= CUT_FLATS.size() + 2, uplink.encode());
            assertTrue(!"CONNECTED".equals(uplink.getString("state")), uplink.encode());
            // AND for the whole two minutes the centre keeps showing it unreachable
            Duration left = CUT.minusNanos(System.nanoTime() - cutAt);
            await("unreachable during the cut").during(left).atMost(left.plusSeconds(20))
                    .pollInterval(Duration.ofSeconds(2)).until(() -> !reachable(wang, "g1"));
            long outboxAtRestore = g1.uplink().getLong("outboxDepth");

            // WHEN the link comes back
            long restoredAt = System.nanoTime();
            rig.cut("g1", false);
            // THEN the outbox drains and the centre's picture equals the gateway's store
            await("outbox drained").atMost(Duration.ofSeconds(90)).until(() -> g1.uplink().getLong("outboxDepth") == 0);
            long drainMs = ms(restoredAt);
            await("picture equals the store").atMost(Duration.ofSeconds(30))
                    .until(() -> picture(wang, "g1").equals(store(g1)));
            // AND the subscriber received each alert's versions in increasing order, none missing
            Map<String, JsonObject> store = g1.alerts();
            int versions = assertInOrderNoneMissing(probe.versions, store);
            // AND the compound is reachable again, its one unreachable alert closed
            await("reachable again").atMost(Duration.ofSeconds(30)).until(() -> reachable(wang, "g1"));
            List<JsonObject> dark = new ArrayList<>();
            await("centre alert closed").atMost(Duration.ofSeconds(30)).until(() -> {
                dark.clear();
                dark.addAll(unreachableAlerts(wang, "g1"));
                return dark.size() == 1 && "CLOSED".equals(dark.get(0).getString("state"));
            });
            System.out.printf("UplinkCutTest: rig up %d ms; g1 shown unreachable %d ms after the cut; cut %d s;"
                            + " %d grid robot messages during it; outbox at restore %d versions, drained %d ms after;"
                            + " %d versions of %d alerts received in order, none missing; centre alerts for g1: %s%n",
                    rig.startMs, unreachableMs, CUT.toSeconds(),
                    rig.robots.messages(g1.robotKey()).size() - robotBefore, outboxAtRestore, drainMs, versions,
                    store.size(), dark.stream().map(a -> a.getString("id") + "@" + a.getInteger("version")).toList());
        }
    }

    /** A gateway SIGKILLed with a large outbox delivers every version, in order, after it is started again. */
    @Test
    void aGatewaySigkilledWithALargeOutboxDeliversEveryVersionAfterRestart() throws Exception {
        // GIVEN gateway g2 cut off from the cluster, holding many alert versions in its outbox
        RealGateway g2 = rig.gateway("g2");
        HttpSession wang = rig.replicas.get(0).login("wangfang");
        try (MqttCentreProbe probe = new MqttCentreProbe(rig.cluster.mqttUris(), "s1", "c1", "g2")) {
            rig.cut("g2", true);
            List<String> flats = RealGateway.FLATS.stream().filter(f -> !RealGateway.ELDERLY_FLAT.equals(f)).toList();
            for (int round = 0; round < 2; round++) {
                for (String flat : flats) {
                    g2.gasLeak(flat);
                }
                for (String flat : flats) {
                    g2.gasLeakOver(flat);
                }
            }
            // every version made is in the outbox (the gateway had published nothing before)
            await("all versions in the outbox").atMost(Duration.ofSeconds(60)).until(() ->
                    g2.uplink().getLong("outboxDepth") == versionSum(g2) && versionSum(g2) >= 4L * flats.size());
            long outbox = g2.uplink().getLong("outboxDepth");

            // WHEN it is SIGKILLed, the link restored, and it is started again on the same data directory
            g2.kill();
            rig.cut("g2", false);
            long restartAt = System.nanoTime();
            g2.restart();

            // THEN every version reaches the centre: the subscriber saw each alert's versions in order, none
            // missing, and the centre's picture equals the gateway's store
            await("outbox drained after restart").atMost(Duration.ofSeconds(90))
                    .until(() -> g2.uplink().getLong("outboxDepth") == 0);
            long deliveredMs = ms(restartAt);
            await("picture equals the store").atMost(Duration.ofSeconds(30))
                    .until(() -> picture(wang, "g2").equals(store(g2)));
            int versions = assertInOrderNoneMissing(probe.versions, g2.alerts());
            System.out.printf("UplinkCutTest: g2 SIGKILLed with %d versions in its outbox; after restart all"
                    + " delivered %d ms after the process start; %d versions received in order, none missing%n",
                    outbox, deliveredMs, versions);
        }
    }

    /**
     * For each alert of the store, the versions seen (in arrival order) never go down and are exactly 1..highest
     * (a version sent twice after a lost PUBACK is allowed); returns how many distinct versions were checked.
     */
    private static int assertInOrderNoneMissing(List<String> seen, Map<String, JsonObject> store) {
        int checked = 0;
        for (JsonObject a : store.values()) {
            String id = a.getString("id");
            List<Integer> order = seen.stream().filter(s -> s.startsWith(id + "@"))
                    .map(s -> Integer.parseInt(s.substring(id.length() + 1))).toList();
            for (int i = 1; i < order.size(); i++) {
                assertTrue(order.get(i) >= order.get(i - 1), id + " out of order: " + order);
            }
            Set<Integer> expected = new TreeSet<>();
            for (int v = 1; v <= a.getInteger("version"); v++) {
                expected.add(v);
            }
            assertEquals(expected, new TreeSet<>(order), id + ": " + order);
            checked += expected.size();
        }
        return checked;
    }

    private static long versionSum(RealGateway g) throws Exception {
        return g.alerts().values().stream().mapToLong(a -> a.getInteger("version")).sum();
    }

    private static boolean reachable(HttpSession s, String compound) throws Exception {
        return s.json("/api/compounds/" + compound).getBoolean("reachable", false);
    }

    private static List<JsonObject> unreachableAlerts(HttpSession s, String compound) throws Exception {
        return s.json("/api/alerts?state=all&compound=" + compound).getJsonArray("alerts").stream()
                .map(JsonObject.class::cast).filter(a -> "COMPOUND_UNREACHABLE".equals(a.getString("type"))).toList();
    }

    private static Map<String, String> store(RealGateway g) throws Exception {
        Map<String, String> m = new java.util.TreeMap<>();
        g.alerts().forEach((id, a) -> m.put(id, a.getInteger("version") + " " + a.getString("state")));
        return m;
    }

    private static Map<String, String> picture(HttpSession s, String compound) throws Exception {
        Map<String, String> m = new java.util.TreeMap<>();
        s.json("/api/alerts?state=all&compound=" + compound).getJsonArray("alerts").stream().map(JsonObject.class::cast)
                .filter(a -> "compound".equals(a.getString("origin")))
                .forEach(a -> m.put(a.getString("id"), a.getInteger("version") + " " + a.getString("state")));
        return m;
    }

    private static long ms(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}
