package org.linli.gateway.uplink;

import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/**
 * The centre's side of one compound in the tests: an MQTT 5 client that keeps every summary and alert version of the
 * compound and every reply on its reply topic, and sends commands as requests (response topic + correlation data).
 * Payloads that are not JSON are kept as {@code {"raw": text}}.
 */
final class CentreClient implements AutoCloseable {
    static final String REPLIES = "linli/v1/centre/replies/test";

    private final MqttClient client;
    private final String base;
    final List<JsonObject> summaries = new CopyOnWriteArrayList<>();
    final List<JsonObject> alerts = new CopyOnWriteArrayList<>();
    /** Replies by correlation id, every one received (a request answered twice has two). */
    final Map<String, List<JsonObject>> replies = new ConcurrentHashMap<>();

    /** Connects to {@code url} as {@code clientId} and subscribes to the compound's {@code base/summary}, {@code base/alert} and the replies. */
    CentreClient(String url, String clientId, String base) throws MqttException {
        this(url, clientId, base, null, null);
    }

    /** The same, logged in as {@code user} (null: anonymous). */
    CentreClient(String url, String clientId, String base, String user, String password) throws MqttException {
        this.base = base;
        client = new MqttClient(url, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String t, MqttMessage m) {
                String text = new String(m.getPayload(), StandardCharsets.UTF_8);
                JsonObject j;
                try {
                    j = new JsonObject(text);
                } catch (RuntimeException e) {
                    j = new JsonObject().put("raw", text);
                }
                if (t.endsWith("/summary")) {
                    summaries.add(j);
                } else if (t.endsWith("/alert")) {
                    alerts.add(j);
                } else if (t.equals(REPLIES)) {
                    byte[] c = m.getProperties() == null ? null : m.getProperties().getCorrelationData();
                    String id = c == null ? "" : new String(c, StandardCharsets.UTF_8);
                    replies.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(j);
                }
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        client.connect(o);
        // not subscribe(topic, qos, listener): that overload recurses forever in Paho v5 1.2.5
        client.subscribe(new String[]{base + "/summary", base + "/alert", REPLIES}, new int[]{1, 1, 1});
    }

    /** The last summary received, or null. */
    JsonObject lastSummary() {
        return summaries.isEmpty() ? null : summaries.get(summaries.size() - 1);
    }

    /** A command of the centre's user 王芳 with the whole compound in scope; more fields from {@code extra}. */
    static JsonObject command(String action, String alert, JsonObject extra) {
        JsonObject c = new JsonObject().put("v", 1).put("action", action).put("by", "centre:wangfang")
                .put("byName", "王芳（和平里社区值班）")
                .put("scope", new JsonObject().put("street", "nanhu").put("community", "xingfu").putNull("compound"));
        if (alert != null) {
            c.put("alert", alert);
        }
        return c.mergeIn(extra == null ? new JsonObject() : extra);
    }

    /** Sends a request with a new correlation id and waits for its reply. */
    JsonObject request(JsonObject command) throws MqttException {
        return request(command.encode().getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString());
    }

    /** Sends {@code payload} with correlation id {@code id} and waits (up to 15 s) for one more reply to it. */
    JsonObject request(byte[] payload, String id) throws MqttException {
        int before = replies.getOrDefault(id, List.of()).size();
        send(payload, id, REPLIES);
        await().atMost(Duration.ofSeconds(15)).until(() -> replies.getOrDefault(id, List.of()).size() > before);
        List<JsonObject> r = replies.get(id);
        return r.get(r.size() - 1);
    }

    /** Publishes a command without waiting; {@code responseTopic} may be null. */
    void send(byte[] payload, String id, String responseTopic) throws MqttException {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        MqttProperties p = new MqttProperties();
        if (responseTopic != null) {
            p.setResponseTopic(responseTopic);
        }
        p.setCorrelationData(id.getBytes(StandardCharsets.UTF_8));
        m.setProperties(p);
        client.publish(base + "/command", m);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
