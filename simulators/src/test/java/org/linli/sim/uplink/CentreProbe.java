package org.linli.sim.uplink;

import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain centre-role subscriber for the uplink tests: a Paho MQTT 5 client with every node URI that subscribes
 * again on each (re)connect to every alert, summary and its reply topic, keeps the highest alert version per key
 * ({@code compound/id}, as the centre does), every (key, version) seen, the last summary per compound and replies
 * by correlation id, and sends commands as MQTT 5 requests. State is written on Paho's callback thread.
 */
final class CentreProbe implements MqttCallback, AutoCloseable {
    static final String REPLIES = "linli/v1/centre/replies/probe";

    final Map<String, Integer> highest = new ConcurrentHashMap<>();
    final Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
    final AtomicInteger alertMessages = new AtomicInteger();
    final Map<String, JsonObject> summaries = new ConcurrentHashMap<>();
    final Map<String, JsonObject> replies = new ConcurrentHashMap<>();
    /** The compounds whose will arrived, in arrival order (a retained will comes again on resubscribe). */
    final List<String> wills = new CopyOnWriteArrayList<>();
    final List<String> connects = new CopyOnWriteArrayList<>();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final MqttAsyncClient client;

    CentreProbe(List<String> uris, String user, String password) throws MqttException {
        client = new MqttAsyncClient(uris.get(0), "centre-probe", new MemoryPersistence());
        client.setCallback(this);
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setServerURIs(uris.toArray(String[]::new));
        o.setCleanStart(true);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 2);
        o.setKeepAliveInterval(5);
        o.setReceiveMaximum(1000);
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        client.connect(o).waitForCompletion(15_000);
    }

    /** Sends a command to a compound with this probe's reply topic and {@code requestId} as correlation data. */
    void command(String commandTopic, String requestId, JsonObject body) throws MqttException {
        MqttProperties p = new MqttProperties();
        p.setResponseTopic(REPLIES);
        p.setCorrelationData(requestId.getBytes(StandardCharsets.UTF_8));
        MqttMessage m = new MqttMessage(body.encode().getBytes(StandardCharsets.UTF_8), 1, false, p);
        client.publish(commandTopic, m).waitForCompletion(10_000);
    }

    boolean connected() {
        return client.isConnected();
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        connects.add(serverURI);
        try {
            client.subscribe(new MqttSubscription[]{new MqttSubscription("linli/v1/+/+/+/alert", 1),
                    new MqttSubscription("linli/v1/+/+/+/summary", 1), new MqttSubscription(REPLIES, 1)},
                    null, new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            subscribed.set(true);
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable e) {
                        }
                    }, new MqttProperties());
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        JsonObject body = new JsonObject(new String(message.getPayload(), StandardCharsets.UTF_8));
        if (topic.equals(REPLIES)) {
            byte[] corr = message.getProperties().getCorrelationData();
            replies.put(corr == null ? "?" : new String(corr, StandardCharsets.UTF_8), body);
        } else if (topic.endsWith("/summary")) {
            summaries.put(body.getString("compound"), body);
            if ("will".equals(body.getString("reason"))) {
                wills.add(body.getString("compound"));
            }
        } else {
            String key = body.getJsonObject("location").getString("compound") + "/" + body.getString("id");
            alertMessages.incrementAndGet();
            versionsSeen.add(key + "@" + body.getInteger("version"));
            highest.merge(key, body.getInteger("version"), Math::max);
        }
    }

    /** The subscriptions of the current connection are acknowledged; polled by tests before they publish. */
    boolean subscribed() {
        return client.isConnected() && subscribed.get();
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        subscribed.set(false);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close(true);
    }
}
