package org.linli.gateway.pipeline;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** An input the gateway could not use, kept for an engineer to look at: where it came from, what it was, why. */
public record DeadLetter(Instant time, String source, String topic, String payload, String reason, String message) {
    public JsonObject toJson() {
        return new JsonObject()
                .put("time", time.toString())
                .put("source", source)
                .put("topic", topic)
                .put("reason", reason)
                .put("message", message)
                .put("payload", payload);
    }
}
