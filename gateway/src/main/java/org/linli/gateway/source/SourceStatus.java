package org.linli.gateway.source;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Objects;

/**
 * A source's state, why it is in it (for an operator: "connection lost: Connection refused", "bus-b OFFLINE: no
 * device on the bus answers") and since when it has been in it.
 */
public record SourceStatus(SourceState state, String reason, Instant since) {
    public SourceStatus {
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(since, "since");
    }

    /** {@code {"state":..., "reason":..., "since":...}}: the source's entry under {@code sources} in /api/status. */
    public JsonObject toJson() {
        return new JsonObject().put("state", state.name()).put("reason", reason).put("since", since.toString());
    }
}
