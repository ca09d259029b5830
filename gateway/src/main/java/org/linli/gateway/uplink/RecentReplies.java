package org.linli.gateway.uplink;

import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The replies to the last {@link #CAPACITY} commands by correlation id: a request the broker delivers again (QoS 1 is
 * at least once; a resumed session redelivers what was not acknowledged) is answered with the stored reply instead
 * of being applied twice. Event-loop confined.
 */
final class RecentReplies {
    static final int CAPACITY = 1_000;

    private final Map<String, JsonObject> replies = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonObject> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The reply already given to this request, or null. */
    JsonObject get(String correlationId) {
        return correlationId == null ? null : replies.get(correlationId);
    }

    void put(String correlationId, JsonObject reply) {
        if (correlationId != null) {
            replies.put(correlationId, reply);
        }
    }
}
