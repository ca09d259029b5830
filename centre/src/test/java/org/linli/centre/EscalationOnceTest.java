package org.linli.centre;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.centre.escalation.RobotMessage;
import org.linli.centre.site.Topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The street robot hears of an alert escalated past the community exactly once: two centre replicas on the shared
 * subscription of one real Artemis node, a real HTTP robot endpoint, and the same versions delivered again after
 * the first notification (as a gateway resending after a failover would).
 */
class EscalationOnceTest {
    @TempDir
    Path dir;
    EmbeddedArtemis broker;
    Vertx vertx;
    FakeRobot robot;
    FakeCompound gateways;
    MqttClient markers;
    final Map<String, JsonObject> seenMarkers = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        broker = new EmbeddedArtemis(dir);
        robot = new FakeRobot();
        gateways = new FakeCompound(broker.consumerUrl(), "fake-gateways");
        markers = new MqttClient(broker.consumerUrl(), "marker-watch", new MemoryPersistence());
        markers.connect();
        markers.subscribe(new MqttSubscription[] {new MqttSubscription("linli/v1/centre/notified/#", 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(topic, m) ->
                        seenMarkers.put(topic, new JsonObject(new String(m.getPayload())))});
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        markers.disconnect();
        markers.close();
        gateways.close();
        robot.close();
        broker.close();
    }

    private Centre replica(String id, String type) throws Exception {
        Centre c = Centre.deploy(vertx, TestSite.site(id, broker.consumerUrl(), 45, type,
                robot.url("/cgi-bin/webhook/send?key=K1")), k -> null).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(c::brokerConnected);
        return c;
    }

    /**
     * Ten alerts reaching level 2 through two replicas give ten WeCom messages; the same versions again give none
     * more.
     */
    @Test
    void twoReplicasNotifyEachEscalationOnce() throws Exception {
        // GIVEN two replicas on the shared subscription
        Centre a = replica("ra", "wecom");
        Centre b = replica("rb", "wecom");
        // WHEN ten alerts arrive at level 1 (not yet past the community) and then at level 2
        for (int i = 0; i < 10; i++) {
            gateways.alert("c1", "x1", FakeCompound.alertJson("x1", "E-" + i, 1, "OPEN", 1));
        }
        for (int i = 0; i < 10; i++) {
            gateways.alert("c1", "x1", FakeCompound.alertJson("x1", "E-" + i, 2, "OPEN", 2));
        }
        // THEN ten messages, one per alert, and a retained marker per alert
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.posts.size() >= 10 && seenMarkers.size() >= 10);
        assertEquals(10, robot.posts.stream().map(p -> p.body().getJsonObject("markdown").getString("content")
                .replaceAll("(?s).*告警编号：", "")).distinct().count());
        // AND the work was split between the replicas by the shared subscription
        assertTrue(a.meters().value("linli_centre_notifications_total", "sent") > 0, "replica a sent none");
        assertTrue(b.meters().value("linli_centre_notifications_total", "sent") > 0, "replica b sent none");
        // WHEN the same versions are delivered again (a gateway resending after a failover)
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger(a) >= 10 && ledger(b) >= 10);
        for (int i = 0; i < 10; i++) {
            gateways.alert("c1", "x1", FakeCompound.alertJson("x1", "E-" + i, 2, "OPEN", 2));
        }
        // THEN every copy is skipped by the ledger and no message is sent twice
        await().atMost(Duration.ofSeconds(20)).until(() -> sumSkipped(a, b) >= 10);
        assertEquals(10, robot.posts.size());
        // AND the WeCom body is the documented markdown message
        JsonObject body = robot.posts.get(0).body();
        assertEquals("markdown", body.getString("msgtype"));
        String content = body.getJsonObject("markdown").getString("content");
        assertTrue(content.startsWith("### 【已升级至街道】燃气泄漏 和平里一区"), content);
        assertTrue(content.contains("**小区**：和平里一区（和平里社区，和平街道）"), content);
        assertTrue(content.contains("第 2 级"), content);
        assertEquals("/cgi-bin/webhook/send?key=K1", robot.posts.get(0).path());
        assertEquals(2, seenMarkers.get("linli/v1/centre/notified/x1/E-0").getInteger("level"));
    }

    private static int ledger(Centre c) throws Exception {
        return c.onContext(c::ledgerSize).toCompletionStage().toCompletableFuture().get();
    }

    private static double sumSkipped(Centre a, Centre b) {
        return a.meters().value("linli_centre_notifications_total", "skipped-ledger")
                + b.meters().value("linli_centre_notifications_total", "skipped-ledger");
    }

    /** One replica handed the same escalated version twice in a row sends one DingTalk message in DingTalk's body. */
    @Test
    void sameVersionTwiceToOneReplicaSendsOneDingTalkMessage() throws Exception {
        Centre a = replica("ra", "dingtalk");
        JsonObject v = FakeCompound.alertJson("x2", "D-1", 3, "OPEN", 2);
        gateways.alert("c1", "x2", v);
        gateways.alert("c1", "x2", v);
        await().atMost(Duration.ofSeconds(20)).until(() -> a.meters().value("linli_centre_notifications_total", "sent")
                + a.meters().value("linli_centre_notifications_total", "skipped-ledger") >= 2);
        assertEquals(1, robot.posts.size());
        JsonObject body = robot.posts.get(0).body();
        assertEquals("markdown", body.getString("msgtype"));
        assertTrue(body.getJsonObject("markdown").getString("title").contains("和平里二区"));
        assertTrue(body.getJsonObject("markdown").getString("text").contains("3号楼2单元501室"));
        assertEquals(new JsonObject().put("atMobiles", new io.vertx.core.json.JsonArray()).put("isAtAll", false),
                body.getJsonObject("at"));
    }

    /** The message builder's bodies: WeCom markdown is cut to 4096 bytes; a webhook gets the alert itself. */
    @Test
    void robotBodies() throws Exception {
        Topology t = new Topology(TestSite.site("r", "tcp://127.0.0.1:1", 45, null, null));
        JsonObject a = FakeCompound.alertJson("x1", "W-1", 2, "OPEN", 2).put("detail", "长".repeat(3000));
        JsonObject wecom = RobotMessage.body("wecom", t.compound("x1").orElseThrow(), a);
        String content = wecom.getJsonObject("markdown").getString("content");
        assertTrue(content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 4096);
        JsonObject hook = RobotMessage.body("webhook", t.compound("x1").orElseThrow(), a);
        assertEquals("alert.escalated", hook.getString("event"));
        assertEquals("W-1", hook.getJsonObject("alert").getString("id"));
    }
}
