package org.linli.sim.centre;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.sim.servers.ArtemisCluster;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.RequiredTools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Actions taken in the centre reach the owning real gateway, and scopes hold on both sides: over the centre's HTTP
 * API and on the broker (a 3-node Artemis cluster of separate JVMs with per-compound security, real gateways g1, g2
 * of community c1 and g3 of community c2, one centre replica as its own JVM).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CentreActionTest {
    private static final String WANG_FANG = "王芳（和平里社区值班）";
    private CentreRig rig;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        rig = CentreRig.start(dir, 0, 1, Set.of());
        System.out.printf("CentreActionTest: rig up in %d ms%n", rig.startMs);
    }

    @AfterAll
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    /** Raises a gas alarm in {@code flat} of gateway {@code g} and waits until the centre's picture has it. */
    private JsonObject raiseAndSee(String g, String flat, HttpSession centreUser) throws Exception {
        RealGateway gw = rig.gateway(g);
        gw.gasLeak(flat);
        JsonObject[] local = new JsonObject[1];
        await("alert of " + flat + " in " + g).atMost(Duration.ofSeconds(30))
                .until(() -> (local[0] = gw.alertOf(flat)) != null);
        String key = g + "/" + local[0].getString("id");
        await("centre has " + key).atMost(Duration.ofSeconds(30)).until(() -> centreUser
                .json("/api/alerts?compound=" + g + "&state=all").getJsonArray("alerts").stream()
                .anyMatch(a -> key.equals(((JsonObject) a).getString("key"))));
        return local[0];
    }

    /**
     * An accept by a community duty user over the centre's HTTP API is applied by the owning gateway and shown on
     * its console API.
     */
    @Test
    void anActionInTheCentreIsAppliedByTheOwningGatewayAndShownOnItsConsole() throws Exception {
        // GIVEN a gas alarm raised by compound g1's own device, in the centre's picture
        HttpSession wang = rig.replicas.get(0).login("wangfang");
        JsonObject alert = raiseAndSee("g1", "1-1-101", wang);
        String id = alert.getString("id");

        // WHEN 王芳, duty officer of community c1, accepts it in the centre
        HttpSession.Answer accepted = wang.post("/api/alerts/g1/" + id + "/accept", new JsonObject());

        // THEN the centre answers with the gateway's new version
        assertEquals(200, accepted.status(), accepted.json().encode());
        assertEquals("ACCEPTED", accepted.json().getJsonObject("alert").getString("state"), accepted.json().encode());
        // AND the compound's own console API shows it accepted, with a history line by her name
        JsonObject onGateway = rig.gateway("g1").http().json("/api/alerts/" + id);
        assertEquals("ACCEPTED", onGateway.getString("state"));
        JsonArray history = onGateway.getJsonArray("history");
        JsonObject last = history.getJsonObject(history.size() - 1);
        assertEquals("ACCEPTED", last.getString("action"), history.encode());
        assertTrue(last.encode().contains(WANG_FANG), last.encode());
        // AND the centre's picture has that version too
        await().atMost(Duration.ofSeconds(10)).until(() -> wang.json("/api/alerts?compound=g1&state=all")
                .getJsonArray("alerts").stream().map(JsonObject.class::cast)
                .anyMatch(a -> id.equals(a.getString("id")) && "ACCEPTED".equals(a.getString("state"))));
    }

    /** A community duty user gets 404 / absence for another community's compound and 403 for every action on it. */
    @Test
    void aCommunityUserCanNeitherSeeNorActOnAnotherCommunitysCompoundOverHttp() throws Exception {
        // GIVEN an alert of compound g3 (community c2), seen by c2's own duty officer
        HttpSession anding = rig.replicas.get(0).login("anding");
        String id = raiseAndSee("g3", "1-1-102", anding).getString("id");
        HttpSession wang = rig.replicas.get(0).login("wangfang");

        // WHEN 王芳 (community c1) reads and acts on it
        JsonArray listed = wang.json("/api/alerts?state=all").getJsonArray("alerts");
        HttpSession.Answer compound = wang.get("/api/compounds/g3");
        HttpSession.Answer filtered = wang.get("/api/alerts?compound=g3&state=all");
        HttpSession.Answer accept = wang.post("/api/alerts/g3/" + id + "/accept", new JsonObject());
        HttpSession.Answer resend = wang.post("/api/compounds/g3/resend", new JsonObject());

        // THEN she sees nothing of g3 (absent from lists and tree, 404 by id) and every action is 403
        assertTrue(listed.stream().map(JsonObject.class::cast).noneMatch(a -> "g3".equals(a.getString("compoundId"))),
                listed.encode());
        assertEquals(404, compound.status());
        assertTrue(filtered.status() == 404 || filtered.json().getJsonArray("alerts").isEmpty(),
                filtered.status() + " " + filtered.json().encode());
        assertTrue(CentreRig.compounds(wang.json("/api/tree")).stream().noneMatch(c -> "g3".equals(c.getString("id"))));
        assertEquals(403, accept.status(), accept.json().encode());
        assertEquals(403, resend.status(), resend.json().encode());
        // AND the gateway's alert was not touched
        assertEquals("OPEN", rig.gateway("g3").http().json("/api/alerts/" + id).getString("state"));
    }

    /**
     * On the MQTT side, a command carrying another community's scope is answered out-of-scope by the gateway, and a
     * compound's broker login cannot publish on another compound's command topic.
     */
    @Test
    void onTheBrokerAForgedScopeIsAnsweredOutOfScopeAndACompoundCannotCommandAnother() throws Exception {
        // GIVEN an open alert in g3 (community c2)
        HttpSession anding = rig.replicas.get(0).login("anding");
        String id = raiseAndSee("g3", "1-1-201", anding).getString("id");
        String g3Commands = "linli/v1/s1/c2/g3/command";
        try (MqttCentreProbe centre = new MqttCentreProbe(rig.cluster.mqttUris(), "s1", "c2", "g3")) {
            // WHEN a command with community c1's scope is sent to g3
            centre.request(g3Commands, "forged-1", new JsonObject().put("v", 1).put("action", "accept")
                    .put("alert", id).put("by", "centre:wangfang").put("byName", WANG_FANG)
                    .put("scope", new JsonObject().put("street", "s1").put("community", "c1").putNull("compound")));
            // THEN g3 answers out-of-scope and does not apply it
            await().atMost(Duration.ofSeconds(20)).until(() -> !centre.replies.isEmpty());
            JsonObject reply = centre.replies.get(0);
            assertEquals("out-of-scope", reply.getString("code"), reply.encode());
            assertEquals(false, reply.getBoolean("ok"));
            assertEquals("OPEN", rig.gateway("g3").http().json("/api/alerts/" + id).getString("state"));
        }

        // WHEN compound g1's own broker login publishes an accept on g3's command topic
        MqttAsyncClient g1 = new MqttAsyncClient(rig.cluster.mqttUri(0), "g1-forger", new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setUserName("g1");
        o.setPassword(ArtemisCluster.compoundPassword("g1").getBytes(StandardCharsets.UTF_8));
        g1.connect(o).waitForCompletion(10_000);
        try {
            IMqttToken t = g1.publish(g3Commands, new MqttMessage(new JsonObject().put("v", 1)
                    .put("action", "accept").put("alert", id).put("by", "g1").put("scope", new JsonObject()
                            .put("street", "s1")).encode().getBytes(StandardCharsets.UTF_8), 1, false, null));
            t.waitForCompletion(10_000);
            // THEN the broker refuses it (PUBACK 0x87, not authorized) and g3's alert stays open
            assertEquals(0x87, t.getReasonCodes()[0]);
            assertEquals("OPEN", rig.gateway("g3").http().json("/api/alerts/" + id).getString("state"));
        } finally {
            g1.disconnect().waitForCompletion(5_000);
            g1.close();
        }
        // (a marker: an accept through the centre's own login afterwards is applied, so the topic works)
        HttpSession.Answer ok = anding.post("/api/alerts/g3/" + id + "/accept", new JsonObject());
        assertEquals(200, ok.status(), ok.json().encode());
        JsonArray history = rig.gateway("g3").http().json("/api/alerts/" + id).getJsonArray("history");
        assertEquals(1, history.stream().map(JsonObject.class::cast)
                .filter(h -> "ACCEPTED".equals(h.getString("action"))).count(), history.encode());
    }
}
