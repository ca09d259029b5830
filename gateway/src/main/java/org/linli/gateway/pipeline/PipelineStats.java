package org.linli.gateway.pipeline;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of what went through the pipeline, by source and by channel within a source (the MQTT subscription's
 * profile, the serial bus, the camera). Event-loop confined.
 */
public final class PipelineStats {
    /** Source → channel → messages; the counts by source are summed from it. */
    private final Map<String, Map<String, Long>> receivedByChannel = new TreeMap<>();
    long decodedMessages;
    long readings;
    long events;
    long rejected;

    void received(String source, String channel) {
        receivedByChannel.computeIfAbsent(source, k -> new TreeMap<>()).merge(channel, 1L, Long::sum);
    }

    public long received() {
        return receivedBySource().values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Long> receivedBySource() {
        Map<String, Long> out = new TreeMap<>();
        receivedByChannel.forEach((source, channels) -> out.put(source,
                channels.values().stream().mapToLong(Long::longValue).sum()));
        return out;
    }

    /** Source → channel → messages received (a copy). */
    public Map<String, Map<String, Long>> receivedByChannel() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        receivedByChannel.forEach((source, channels) -> out.put(source, new TreeMap<>(channels)));
        return out;
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
                .put("receivedBySource", new JsonObject(new TreeMap<>(receivedBySource())))
                .put("receivedByChannel", new JsonObject(new TreeMap<>(receivedByChannel())))
                .put("decodedMessages", decodedMessages)
                .put("readings", readings)
                .put("events", events)
                .put("rejected", rejected);
    }
}
