package org.linli.gateway.mqtt;

/**
 * The outcome of one MQTT message as the ingest reports it to the adapter that delivered it (issue 15 contract).
 * Exactly one of the two is called, exactly once, for every message whatever its QoS; a second call does nothing.
 */
public interface Delivery {
    /** Durably taken (points in the disk queue) or safely dead-lettered: PUBACK for QoS >= 1, frees the slot. */
    void taken();

    /** The pipeline could not take it: no PUBACK (the broker redelivers after a reconnect), frees the slot. */
    void notTaken();
}
