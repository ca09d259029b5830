package org.linli.gateway.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.pipeline.PipelineStats;
import org.linli.gateway.queue.QueueForwarder;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What came in and what could not be used: messages received by source and channel, decoded messages, readings and
 * events, and decode failures by source and reason (the dead letters of device input; points the time-series server
 * refused are the queue's drops, not decode failures).
 */
public final class PipelineMeters implements MeterSet {
    private final MeterRegistry registry;
    private final PipelineStats stats;
    private final DeadLetters deadLetters;
    private Map<List<String>, Long> received = Map.of();
    private Map<List<String>, Long> failures = Map.of();
    /** Label combinations that have their meter: registering one again makes Micrometer warn (and ignore it). */
    private final Set<List<String>> registered = new HashSet<>();

    public PipelineMeters(MeterRegistry registry, Pipeline pipeline) {
        this.registry = registry;
        this.stats = pipeline.stats();
        this.deadLetters = pipeline.deadLetters();
        FunctionCounter.builder("linli.decoded.messages", stats, PipelineStats::decodedMessages)
                .description("Messages and frames decoded into readings or events").register(registry);
        FunctionCounter.builder("linli.decoded.readings", stats, PipelineStats::readings)
                .description("Readings decoded (one per quantity and time)").register(registry);
        FunctionCounter.builder("linli.decoded.events", stats, PipelineStats::events)
                .description("Device events decoded (alarms, faults, heartbeats, ...)").register(registry);
        FunctionCounter.builder("linli.dead.letters.unwritten", deadLetters, DeadLetters::unwritten)
                .description("Dead letters kept in memory only: more were waiting for the disk than it keeps up with")
                .register(registry);
    }

    @Override
    public void refresh() {
        received = flatten(stats.receivedByFeed());
        Map<String, Map<String, Long>> letters = deadLetters.countsBySourceAndReason();
        letters.remove(QueueForwarder.DEAD_LETTER_SOURCE);
        failures = flatten(letters);
        received.keySet().stream().filter(k -> registered.add(List.of("received", k.get(0), k.get(1))))
                .forEach(k -> FunctionCounter.builder("linli.messages.received", this, m -> m.received.getOrDefault(k, 0L))
                .description("Messages received, by source (mqtt, serial, onvif) and channel (MQTT subscription profile, "
                        + "serial bus, camera)")
                .tag("source", k.get(0)).tag("channel", k.get(1)).register(registry));
        failures.keySet().stream().filter(k -> registered.add(List.of("failures", k.get(0), k.get(1))))
                .forEach(k -> FunctionCounter.builder("linli.decode.failures", this, m -> m.failures.getOrDefault(k, 0L))
                .description("Inputs rejected and dead-lettered, by source and reason")
                .tag("source", k.get(0)).tag("reason", k.get(1)).register(registry));
    }

    private static Map<List<String>, Long> flatten(Map<String, Map<String, Long>> nested) {
        Map<List<String>, Long> out = new HashMap<>();
        nested.forEach((outer, inner) -> inner.forEach((k, v) -> out.put(List.of(outer, k), v)));
        return out;
    }
}
