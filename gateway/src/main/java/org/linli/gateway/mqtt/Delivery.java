package org.linli.gateway.mqtt;

/**
 * What the ingest tells the MQTT adapter about one delivered message, for every QoS. Exactly one of the two methods is
 * called once per message, on any thread; a second call does nothing.
 */
public interface Delivery {
    /**
     * The message is durably taken (its points are in the disk queue) or safely rejected (dead-lettered): sends the
     * PUBACK for QoS 1 and 2 on the connection that delivered it (nothing if that connection is gone, the broker then
     * redelivers) and frees the message's in-flight slot. For QoS 0 it only frees the slot.
     */
    void taken();

    /** The pipeline failed to take the message: no PUBACK (the broker redelivers it after a reconnect); frees the slot. */
    void notTaken();
}
