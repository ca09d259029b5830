package org.linli.gateway.pipeline;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of what went through the pipeline, by source and by feed within a source (the MQTT subscription's vendor
 * profile, the serial bus, the camera). ("Channel" is kept for a notification delivery target.) Event-loop confined.
 */
public final class PipelineStats {
    /** Source → feed → messages; the counts by source are summed from it. */
    private final Map<String, Map<String, Long>> receivedByFeed = new TreeMap<>();
    long decodedMessages;
    long readings;
    long events;
    long rejected;

    void received(String source, String feed) {
        receivedByFeed.computeIfAbsent(source, k -> new TreeMap<>()).merge(feed, 1L, Long::sum);
    }

    public long received() {
        return receivedBySource().values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Long> receivedBySource() {
        Map<String, Long> out = new TreeMap<>();
        receivedByFeed.forEach((source, feeds) -> out.put(source,
                feeds.values().stream().mapToLong(Long::longValue).sum()));
        return out;
    }

    /** Source → feed → messages received (a copy). */
    public Map<String, Map<String, Long>> receivedByFeed() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        receivedByFeed.forEach((source, feeds) -> out.put(source, new TreeMap<>(feeds)));
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
                .put("receivedByFeed", new JsonObject(new TreeMap<>(receivedByFeed())))
                .put("decodedMessages", decodedMessages)
                .put("readings", readings)
                .put("events", events)
                .put("rejected", rejected);
    }
}
