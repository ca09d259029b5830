package org.linli.gateway.uplink;

import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** The centre's side in the tests: a QoS 1 subscriber to the compound's alert topic that keeps every message. */
final class CentreSubscriber implements AutoCloseable {
    private final MqttClient client;
    final List<JsonObject> received = new CopyOnWriteArrayList<>();

    CentreSubscriber(String url, String topic) throws MqttException {
        client = new MqttClient(url, "centre-test", new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String t, MqttMessage m) {
                received.add(new JsonObject(new String(m.getPayload(), StandardCharsets.UTF_8)));
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
        client.connect(o);
        // not subscribe(topic, qos, listener): that overload recurses forever in Paho v5 1.2.5
        client.subscribe(new String[]{topic}, new int[]{1});
    }

    /** Every distinct "id#version" received (what a consumer keeps after dropping duplicates). */
    Set<String> distinct() {
        return received.stream().map(CentreSubscriber::key).collect(Collectors.toSet());
    }

    /** Per alert id, the versions in the order they arrived, duplicates dropped. */
    Map<String, List<Integer>> versionsById() {
        Map<String, List<Integer>> out = new TreeMap<>();
        for (JsonObject j : received) {
            List<Integer> v = out.computeIfAbsent(j.getString("id"), k -> new ArrayList<>());
            if (!v.contains(j.getInteger("version"))) {
                v.add(j.getInteger("version"));
            }
        }
        return out;
    }

    static String key(JsonObject j) {
        return j.getString("id") + "#" + j.getInteger("version");
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
