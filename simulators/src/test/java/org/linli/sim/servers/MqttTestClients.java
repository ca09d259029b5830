package org.linli.sim.servers;

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
import java.util.List;

/** Blocking Paho MQTT 5 clients for the broker tests: connect with a login, hand every message to one handler. */
public final class MqttTestClients {
    /** Called on Paho's callback thread with each message's topic and UTF-8 body. */
    @FunctionalInterface
    public interface Handler {
        void accept(String topic, String body);
    }

    private MqttTestClients() {
    }

    /** Connects (clean start) to {@code uris[0]} and the others as failover, or to {@code uri} alone. */
    public static MqttClient connect(String uri, String clientId, String user, String password, String[] uris,
                                     Handler handler) throws MqttException {
        MqttClient c = new MqttClient(uri, clientId, new MemoryPersistence());
        c.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                handler.accept(topic, new String(message.getPayload(), StandardCharsets.UTF_8));
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
        o.setReceiveMaximum(100);
        if (uris != null) {
            o.setServerURIs(uris);
        }
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        c.connect(o);
        return c;
    }

    /** Disconnects and closes each client, ignoring the ones already gone. */
    public static void closeAll(List<MqttClient> clients) {
        for (MqttClient c : clients) {
            try {
                if (c.isConnected()) {
                    c.disconnect();
                }
                c.close();
            } catch (MqttException e) {
                // closing anyway
            }
        }
        clients.clear();
    }
}
