package org.linli.gateway.pipeline;

import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.Decoded;

import java.time.Instant;

/** Decodes a payload with a named vendor profile. Implemented over device-drivers' profile registry. */
@FunctionalInterface
public interface PayloadDecoders {
    Decoded decode(String profile, String deviceId, byte[] payload, Instant receivedAt) throws DecodeException;

    /**
     * Whether a payload of this profile may carry an alarm, judged cheaply before decoding (it decides the priority
     * lane; a false positive only takes the fast lane). Thread-safe. Default: never.
     */
    default boolean mayCarryAlarm(String profile, byte[] payload) {
        return false;
    }
}
