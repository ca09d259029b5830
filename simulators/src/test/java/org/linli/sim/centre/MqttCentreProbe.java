package org.linli.sim.centre;

import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.linli.sim.servers.MqttTestClients;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain MQTT 5 client with the centre's broker login, for what the tests check on the MQTT side: every alert
 * version of one compound in arrival order ({@code versions}), and commands sent as MQTT 5 requests whose replies
 * are kept in arrival order. State is written on Paho's callback thread.
 */
final class MqttCentreProbe implements AutoCloseable {
    private static final String REPLIES = "linli/v1/centre/replies/probe";

    /** "id@version" of each alert message of the watched compound, in arrival order. */
    final List<String> versions = new CopyOnWriteArrayList<>();
    /** The replies to this probe's requests, in arrival order (one request at a time, so no need for ids). */
    final List<JsonObject> replies = new CopyOnWriteArrayList<>();
    private final MqttClient client;

    MqttCentreProbe(List<String> uris, String street, String community, String compound) throws MqttException {
        String alerts = "linli/v1/" + street + "/" + community + "/" + compound + "/alert";
        client = MqttTestClients.connect(uris.get(0), "probe-" + compound, "centre", CentreReplica.BROKER_PASSWORD,
                uris.toArray(String[]::new), (topic, body) -> {
                    if (topic.equals(REPLIES)) {
                        replies.add(new JsonObject(body));
                    } else if (topic.equals(alerts)) {
                        JsonObject a = new JsonObject(body);
                        versions.add(a.getString("id") + "@" + a.getInteger("version"));
                    }
                });
        client.subscribe(new MqttSubscription[]{new MqttSubscription(alerts, 1), new MqttSubscription(REPLIES, 1)})
                .waitForCompletion(10_000);
    }

    /**
     * Sends {@code command} to {@code commandTopic} as an MQTT 5 request (response topic, correlation data
     * {@code requestId}); the reply lands in {@link #replies}.
     */
    void request(String commandTopic, String requestId, JsonObject command) throws MqttException {
        MqttProperties p = new MqttProperties();
        p.setResponseTopic(REPLIES);
        p.setCorrelationData(requestId.getBytes(StandardCharsets.UTF_8));
        client.publish(commandTopic, new MqttMessage(command.encode().getBytes(StandardCharsets.UTF_8), 1, false, p));
    }

    @Override
    public void close() {
        MqttTestClients.closeAll(new java.util.ArrayList<>(List.of(client)));
    }
}
