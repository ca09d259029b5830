package org.linli.centre;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A tiny stand-in for the gateways in the tests: a Paho MQTT 5 client that publishes alert versions and summaries
 * under {@code linli/v1/s1/{community}/{compound}/...} and answers commands per the contract (response topic,
 * correlation data) with what {@code answer} returns for (compound, command); null = no answer (a timeout).
 */
final class FakeCompound implements AutoCloseable {
    private final MqttClient client;
    final List<JsonObject> commands = new CopyOnWriteArrayList<>();
    private volatile BiFunction<String, JsonObject, JsonObject> answer = (x, c) -> reply(true, "ok", null, null);

    FakeCompound(String url, String clientId) throws Exception {
        client = new MqttClient(url, clientId, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        client.connect(o);
        client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException e) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                onCommand(topic, m);
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
            }

            @Override
            public void authPacketArrived(int code, MqttProperties p) {
            }
        });
        client.subscribe(new MqttSubscription[] {new MqttSubscription("linli/v1/+/+/+/command", 1)});
    }

    void answer(BiFunction<String, JsonObject, JsonObject> a) {
        this.answer = a;
    }

    private void onCommand(String topic, MqttMessage m) {
        JsonObject command = new JsonObject(new String(m.getPayload(), StandardCharsets.UTF_8));
        commands.add(command.put("_topic", topic));
        JsonObject reply = answer.apply(topic.split("/")[4], command);
        if (reply == null) {
            return;
        }
        new Thread(() -> {
            try {
                MqttMessage r = new MqttMessage(reply.encode().getBytes(StandardCharsets.UTF_8));
                r.setQos(1);
                MqttProperties p = new MqttProperties();
                p.setCorrelationData(m.getProperties().getCorrelationData());
                r.setProperties(p);
                client.publish(m.getProperties().getResponseTopic(), r);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).start();
    }

    static JsonObject reply(boolean ok, String code, String reason, JsonObject alert) {
        return new JsonObject().put("v", 1).put("ok", ok).put("code", code).put("reason", reason).put("alert", alert)
                .put("resent", 0);
    }

    void alert(String community, String compound, JsonObject alert) throws Exception {
        publish("linli/v1/s1/" + community + "/" + compound + "/alert", alert, false);
    }

    void summary(String community, String compound, boolean reachable) throws Exception {
        JsonObject s = new JsonObject().put("v", 1).put("street", "s1").put("community", community)
                .put("compound", compound).put("reachable", reachable).put("at", Instant.now().toString());
        if (reachable) {
            s.put("devices", new JsonObject().put("expected", 120).put("heard", 118).put("offline", 2)
                    .put("offlineIds", new JsonArray().add("gas-3-2-401").add("smoke-1-1-101")))
                    .put("queue", new JsonObject().put("depth", 7).put("oldestAgeSeconds", 3))
                    .put("outbox", new JsonObject().put("depth", 1)).put("openAlerts", 1);
        } else {
            s.put("reason", "will");
        }
        publish("linli/v1/s1/" + community + "/" + compound + "/summary", s, true);
    }

    void publish(String topic, JsonObject payload, boolean retained) throws Exception {
        publishRaw(topic, payload.encode().getBytes(StandardCharsets.UTF_8), retained);
    }

    void publishRaw(String topic, byte[] payload, boolean retained) throws Exception {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        m.setRetained(retained);
        client.publish(topic, m);
    }

    /** An alert version in the gateway's JSON shape (the fields the centre reads). */
    static JsonObject alertJson(String compound, String id, int version, String state, int escalationLevel) {
        return new JsonObject().put("id", id).put("version", version).put("type", "GAS_LEAK").put("title", "燃气泄漏")
                .put("severity", "CRITICAL").put("state", state)
                .put("location", new JsonObject().put("compound", compound).put("building", "3").put("unit", "2")
                        .put("household", "501").put("text", "3-2-501").put("description", "3号楼2单元501室"))
                .put("grid", "g1").put("gridName", "第一网格")
                .put("gridWorker", new JsonObject().put("id", "p1").put("name", "张伟").put("phone", "13800000001"))
                .put("escalationLevel", escalationLevel)
                .put("escalatedTo", escalationLevel > 0
                        ? new JsonObject().put("id", "duty").put("name", "社区值班室") : null)
                .put("raisedAt", Instant.now().toString()).put("history", new JsonArray());
    }

    @Override
    public void close() throws Exception {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
