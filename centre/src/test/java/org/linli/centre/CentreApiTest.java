package org.linli.centre;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One centre replica against a real embedded Artemis node, fed by a {@link FakeCompound} that publishes like the
 * gateways and answers commands per the contract: scope over HTTP, the command round trip (ok, refused, timeout),
 * the SSE stream, reachability from the will, resend at start, malformed and unknown messages.
 */
class CentreApiTest {
    @TempDir
    static Path dir;
    static EmbeddedArtemis broker;
    static Vertx vertx;
    static FakeCompound gateways;
    static Centre centre;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedArtemis(dir);
        gateways = new FakeCompound(broker.consumerUrl(), "fake-gateways");
        vertx = Vertx.vertx();
        centre = Centre.deploy(vertx, TestSite.site("r1", broker.consumerUrl(), 45, null, null), k -> null)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(centre::brokerConnected);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        gateways.close();
        broker.close();
    }

    private static CentreClient login(String user) throws Exception {
        return CentreClient.login(centre.httpPort(), user);
    }

    private static void awaitAlert(CentreClient c, String key) {
        await().atMost(Duration.ofSeconds(10)).until(() -> keys(c.get("/api/alerts?state=all").json()).contains(key));
    }

    private static List<String> keys(JsonObject alerts) {
        return alerts.getJsonArray("alerts").stream().map(a -> ((JsonObject) a).getString("key")).toList();
    }

    /** At start the replica asks every compound of its site file to resend its open alerts. */
    @Test
    void sendsResendToEveryCompoundAtStart() {
        await().atMost(Duration.ofSeconds(10)).until(() -> gateways.commands.stream()
                .filter(c -> "resend".equals(c.getString("action"))).count() >= 3);
        List<String> topics = gateways.commands.stream().filter(c -> "resend".equals(c.getString("action")))
                .map(c -> c.getString("_topic")).toList();
        assertTrue(topics.containsAll(List.of("linli/v1/s1/c1/x1/command", "linli/v1/s1/c1/x2/command",
                "linli/v1/s1/c2/x3/command")), topics.toString());
    }

    /** A community user sees only its compounds; another community's compound and alert answer 404, acting 403. */
    @Test
    void communityUserSeesAndActsOnlyInItsScope() throws Exception {
        // GIVEN an alert in x1 (community c1) and one in x3 (community c2)
        gateways.alert("c1", "x1", FakeCompound.alertJson("x1", "S-1", 1, "OPEN", 0));
        gateways.alert("c2", "x3", FakeCompound.alertJson("x3", "S-3", 1, "OPEN", 0));
        CentreClient street = login("street-duty");
        awaitAlert(street, "x3/S-3");
        awaitAlert(street, "x1/S-1");
        // WHEN the c1 user asks
        CentreClient wang = login("wangfang");
        JsonObject me = wang.get("/api/me").json();
        assertEquals("community", me.getJsonObject("scope").getString("level"));
        assertEquals("c1", me.getJsonObject("scope").getString("id"));
        assertEquals("duty", me.getString("role"));
        // THEN the tree has c1 only, the alerts x1's only, x3 answers as absent, acting on it is forbidden
        JsonArray streets = wang.get("/api/tree").json().getJsonArray("streets");
        assertEquals(1, streets.size());
        JsonArray communities = streets.getJsonObject(0).getJsonArray("communities");
        assertEquals(1, communities.size());
        assertEquals("c1", communities.getJsonObject(0).getString("id"));
        assertEquals(2, communities.getJsonObject(0).getJsonArray("compounds").size());
        List<String> seen = keys(wang.get("/api/alerts?state=all").json());
        assertTrue(seen.contains("x1/S-1"));
        assertFalse(seen.stream().anyMatch(k -> k.startsWith("x3/")), seen.toString());
        assertEquals(404, wang.get("/api/compounds/x3").status());
        assertEquals(404, wang.get("/api/compounds/nowhere").status());
        assertEquals(200, wang.get("/api/compounds/x1").status());
        int before = gateways.commands.size();
        assertEquals(403, wang.post("/api/alerts/x3/S-3/accept", new JsonObject()).status());
        assertEquals(403, wang.post("/api/compounds/x3/resend", new JsonObject()).status());
        // AND a viewer of c1 cannot act in its own scope either; nothing was sent
        assertEquals(403, login("c1-viewer").post("/api/alerts/x1/S-1/accept", new JsonObject()).status());
        assertEquals(before, gateways.commands.size());
    }

    /**
     * An accept is relayed as an MQTT 5 request carrying the user's scope; ok → 200 with the alert, refused → 409,
     * silence → 504.
     */
    @Test
    void commandRoundTrip() throws Exception {
        // GIVEN an open alert in x1
        gateways.alert("c1", "x1", FakeCompound.alertJson("x1", "R-1", 1, "OPEN", 0));
        CentreClient wang = login("wangfang");
        awaitAlert(wang, "x1/R-1");
        // WHEN the gateway accepts the command
        gateways.answer((x, cmd) -> "accept".equals(cmd.getString("action"))
                ? FakeCompound.reply(true, "ok", null, FakeCompound.alertJson("x1", "R-1", 2, "ACCEPTED", 0))
                : FakeCompound.reply(false, "not-allowed", "state RESOLVED does not allow dispatch", null));
        CentreClient.Answer ok = wang.post("/api/alerts/x1/R-1/accept", new JsonObject().put("note", "我去"));
        // THEN 200 with the new version, which the picture holds too; the command carried user and scope
        assertEquals(200, ok.status(), ok.json().encode());
        assertEquals("ACCEPTED", ok.json().getJsonObject("alert").getString("state"));
        JsonObject sent = gateways.commands.stream().filter(c -> "accept".equals(c.getString("action"))).findFirst()
                .orElseThrow();
        assertEquals("linli/v1/s1/c1/x1/command", sent.getString("_topic"));
        assertEquals("R-1", sent.getString("alert"));
        assertEquals("centre:wangfang", sent.getString("by"));
        assertEquals("我去", sent.getString("note"));
        assertEquals(new JsonObject().put("street", "s1").put("community", "c1").putNull("compound"),
                sent.getJsonObject("scope"));
        JsonObject held = wang.get("/api/alerts?compound=x1").json().getJsonArray("alerts").stream()
                .map(a -> (JsonObject) a).filter(a -> "x1/R-1".equals(a.getString("key"))).findFirst().orElseThrow();
        assertEquals(2, held.getInteger("version"));
        // WHEN the workflow refuses THEN 409 with the gateway's code and reason
        CentreClient.Answer refused = wang.post("/api/alerts/x1/R-1/dispatch", new JsonObject().put("to", "p2"));
        assertEquals(409, refused.status());
        assertEquals("not-allowed", refused.json().getString("code"));
        assertEquals("state RESOLVED does not allow dispatch", refused.json().getString("reason"));
        // WHEN the gateway does not answer THEN 504 after 10 s
        gateways.answer((x, cmd) -> null);
        CentreClient.Answer timeout = wang.post("/api/alerts/x1/R-1/verify", new JsonObject());
        assertEquals(504, timeout.status());
        assertEquals("timeout", timeout.json().getString("code"));
        assertEquals("小区网关未应答", timeout.json().getString("reason"));
        gateways.answer((x, cmd) -> FakeCompound.reply(true, "ok", null, null));
        assertTrue(centre.meters().value("linli_centre_commands_total", "timeout") >= 1);
    }

    /** The stream first replays the picture in scope, then says replayed, then carries new alerts in scope only. */
    @Test
    void streamReplaysThenGoesLive() throws Exception {
        // GIVEN an alert already in the picture
        gateways.alert("c1", "x2", FakeCompound.alertJson("x2", "E-1", 1, "OPEN", 0));
        CentreClient wang = login("wangfang");
        awaitAlert(wang, "x2/E-1");
        // WHEN the stream opens
        List<CentreClient.Event> events = wang.stream();
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(e -> "replayed".equals(e.name())));
        // THEN the replay had c1's two compounds and the alert, before the replayed event
        int replayed = indexOf(events, "replayed", null);
        assertTrue(indexOf(events, "alert", "x2/E-1") < replayed);
        assertEquals(2, events.subList(0, replayed).stream().filter(e -> "compound".equals(e.name())).count());
        // WHEN an alert in c2 and then one in c1 arrive
        gateways.alert("c2", "x3", FakeCompound.alertJson("x3", "E-3", 1, "OPEN", 0));
        gateways.alert("c1", "x1", FakeCompound.alertJson("x1", "E-2", 1, "OPEN", 0));
        // THEN the c1 alert comes live and the c2 one never does
        await().atMost(Duration.ofSeconds(10)).until(() -> indexOf(events, "alert", "x1/E-2") > replayed);
        assertEquals(-1, indexOf(events, "alert", "x3/E-3"));
    }

    private static int indexOf(List<CentreClient.Event> events, String name, String key) {
        for (int i = 0; i < events.size(); i++) {
            CentreClient.Event e = events.get(i);
            if (e.name().equals(name) && (key == null || key.equals(e.data().getString("key")))) {
                return i;
            }
        }
        return -1;
    }

    /** The retained will marks the compound unreachable with one centre alert; its next summary closes it. */
    @Test
    void willMakesCompoundDarkAndBackClosesTheCentreAlert() throws Exception {
        CentreClient street = login("street-duty");
        gateways.summary("c1", "x2", true);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> street.get("/api/compounds/x2").json().getBoolean("reachable"));
        JsonObject health = street.get("/api/compounds/x2").json();
        assertEquals(2, health.getInteger("devicesOffline"));
        assertEquals(7, health.getInteger("queueDepth"));
        assertEquals("gas-3-2-401", health.getJsonArray("offlineIds").getString(0));
        // WHEN the will arrives
        gateways.summary("c1", "x2", false);
        // THEN unreachable and one open COMPOUND_UNREACHABLE alert
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !street.get("/api/compounds/x2").json().getBoolean("reachable"));
        List<JsonObject> dark = street.get("/api/alerts?compound=x2").json().getJsonArray("alerts").stream()
                .map(a -> (JsonObject) a).filter(a -> "centre".equals(a.getString("origin"))).toList();
        assertEquals(1, dark.size());
        assertEquals("COMPOUND_UNREACHABLE", dark.get(0).getString("type"));
        // WHEN it talks again THEN reachable and no open centre alert left
        gateways.summary("c1", "x2", true);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> street.get("/api/compounds/x2").json().getBoolean("reachable"));
        assertTrue(street.get("/api/alerts?compound=x2").json().getJsonArray("alerts").stream()
                .noneMatch(a -> "centre".equals(((JsonObject) a).getString("origin"))));
    }

    /** Malformed JSON and alerts of compounds not in the site file are counted, kept out, and break nothing. */
    @Test
    void malformedAndUnknownAreCountedAndKeptOut() throws Exception {
        gateways.publishRaw("linli/v1/s1/c1/x1/alert", "{not json".getBytes(StandardCharsets.UTF_8), false);
        gateways.alert("c1", "x9", FakeCompound.alertJson("x9", "U-1", 1, "OPEN", 0));
        gateways.alert("c2", "x1", FakeCompound.alertJson("x1", "U-2", 1, "OPEN", 0)); // x1 is not under c2
        gateways.alert("c1", "x1", FakeCompound.alertJson("x1", "U-3", 1, "OPEN", 0));
        CentreClient street = login("street-duty");
        awaitAlert(street, "x1/U-3");
        assertTrue(centre.meters().value("linli_centre_malformed_total", "alert") >= 1);
        assertTrue(centre.meters().value("linli_centre_messages_total", "unknown-compound") >= 2);
        List<String> all = keys(street.get("/api/alerts?state=all").json());
        assertFalse(all.contains("x9/U-1") || all.contains("x1/U-2"), all.toString());
        String metrics = new String(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + centre.httpPort() + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
        assertTrue(metrics.contains("linli_centre_malformed_total{kind=\"alert\"}"), metrics);
        assertTrue(metrics.contains("linli_centre_picture_alerts"));
    }
}
