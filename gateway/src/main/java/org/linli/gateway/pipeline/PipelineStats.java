package org.linli.gateway.pipeline;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.TreeMap;

/** Counters of what went through the pipeline, by source. Event-loop confined. */
public final class PipelineStats {
    private final Map<String, Long> receivedBySource = new TreeMap<>();
    long decodedMessages;
    long readings;
    long events;
    long rejected;

    void received(String source) {
        receivedBySource.merge(source, 1L, Long::sum);
    }

    public long received() {
        return receivedBySource.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Long> receivedBySource() {
        return new TreeMap<>(receivedBySource);
    }

    public long decodedMessages() {
        return decodedMessages;
    }

    public long readings() {
        return readings;
    }

    public long events() {
        return events;
    }

    public long rejected() {
        return rejected;
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("receivedBySource", new JsonObject(new TreeMap<>(receivedBySource)))
                .put("decodedMessages", decodedMessages)
                .put("readings", readings)
                .put("events", events)
                .put("rejected", rejected);
    }
}
