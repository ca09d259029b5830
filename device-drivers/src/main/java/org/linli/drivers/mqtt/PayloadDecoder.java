package org.linli.drivers.mqtt;

import java.time.Instant;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.Decoded;

/** Turns one MQTT payload of one device into readings and events, or says why it cannot. */
public interface PayloadDecoder {
    /** Payloads larger than this are rejected with PAYLOAD_TOO_LARGE before parsing. */
    int MAX_PAYLOAD_BYTES = 64 * 1024;

    /**
     * @param deviceId   the id taken from the topic
     * @param receivedAt when the gateway received the message: the time of values the payload does not stamp,
     *                   and the reference for rejecting timestamps from the future
     */
    Decoded decode(String deviceId, byte[] payload, Instant receivedAt) throws DecodeException;
}
