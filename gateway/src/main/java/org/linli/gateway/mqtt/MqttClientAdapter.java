package org.linli.gateway.mqtt;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The few things the gateway needs from an MQTT client, so that MQTT 5 and 3.1.1 (two different Paho clients)
 * look the same to {@link MqttIngest}. Every method returns at once; callbacks arrive on Paho's threads.
 * <p>
 * Each {@link #connect} uses a fresh Paho client instance: continuity lives in the broker's persistent session,
 * not in Paho's memory. A resumed Paho v5 instance was seen to send a packet mosquitto rejects as a protocol error
 * right after a session resume, and then to hang in its next connect.
 */
interface MqttClientAdapter {

    /** Called on Paho's threads: the ingest hops to the event loop before doing anything. */
    interface Callbacks {
        void connected(boolean reconnect);

        void connectionLost(String reason);

        /**
         * One message, holding one of the {@code mqtt.maxInFlight} slots until {@code delivery} is told it was taken
         * or not (exactly once, for every QoS). {@link Delivery#taken()} acknowledges it to the broker (QoS 1/2) on the
         * connection that delivered it; once that connection is gone it does nothing, and the broker redelivers the
         * message on the next one. While every slot is held, Paho's callback thread waits in the adapter before
         * calling this, so the ingest must never wait for a later message before finishing an earlier one.
         */
        void message(String topic, byte[] payload, int qos, Delivery delivery);
    }

    CompletableFuture<Void> connect(Callbacks callbacks);

    CompletableFuture<Void> subscribe(List<String> filters, List<Integer> qos);

    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained);

    boolean isConnected();

    /** The bound on messages in flight (delivered, not yet taken), with its counters. */
    InFlightLimit inFlight();

    /** Disconnects and releases threads; may block briefly, so call it off the event loop. */
    void close();
}
