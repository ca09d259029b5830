package org.linli.gateway.pipeline;

import java.time.Instant;

/** A raw message as a source received it, before any decoding. {@code profile} is the subscription's vendor profile. */
public record IncomingMessage(String source, String topic, byte[] payload, String deviceId, String profile,
                              Instant receivedAt) {
}
