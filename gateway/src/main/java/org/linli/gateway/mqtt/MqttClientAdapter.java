package org.linli.gateway.mqtt;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The few things the gateway needs from an MQTT client, so that MQTT 5 and 3.1.1 (two different Paho clients)
 * look the same to {@link MqttIngest}. Every method returns at once; callbacks arrive on Paho's threads.
 */
interface MqttClientAdapter {

    /** Called on Paho's threads: the ingest hops to the event loop before doing anything. */
    interface Callbacks {
        void connected(boolean reconnect);

        void connectionLost(String reason);

        /** {@code messageId} must be passed back to {@link #ack} once the message is safely taken. */
        void message(String topic, byte[] payload, int qos, int messageId);
    }

    CompletableFuture<Void> connect(Callbacks callbacks);

    CompletableFuture<Void> subscribe(List<String> filters, List<Integer> qos);

    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained);

    /** Acknowledges a received QoS 1/2 message to the broker (manual acks). */
    void ack(int messageId, int qos);

    boolean isConnected();

    /** Disconnects and releases threads; may block briefly, so call it off the event loop. */
    void close();
}
