package org.linli.gateway.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.linli.gateway.queue.QueueStats;
import org.linli.gateway.queue.TargetStats;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The disk queue in front of the time-series server (docs/QUEUE.md): depth, age of the oldest point not yet accepted,
 * points offered, accepted, replayed and dropped by reason, and whether writes are failing. The names are the ones
 * docs/QUEUE.md has always given.
 */
public final class QueueMeters implements MeterSet {
    private static final List<String> KNOWN_DROPS = List.of(QueueStats.QUOTA_OLDEST_TELEMETRY, QueueStats.REJECTED,
            QueueStats.TOO_LARGE_POINT, QueueStats.POISON);

    private final MeterRegistry registry;
    private final QueueStats stats;
    /** Drop reasons that have their counter: registering one again makes Micrometer warn (and ignore it). */
    private final Set<String> registered = new HashSet<>();

    public QueueMeters(MeterRegistry registry, QueueStats stats, Clock clock) {
        this.registry = registry;
        this.stats = stats;
        Gauge.builder("linli.queue.depth.bytes", stats, QueueStats::bytes)
                .description("Bytes of segment files of the disk queue").register(registry);
        FunctionCounter.builder("linli.queue.offered", stats, QueueStats::offeredPoints)
                .description("Points offered to the queue by the pipeline").register(registry);
        FunctionCounter.builder("linli.queue.disk.errors", stats, QueueStats::diskErrors)
                .description("Writes the queue's disk refused (full, failing); each is retried while its points wait")
                .register(registry);
        FunctionCounter.builder("linli.queue.refused", stats, QueueStats::refusedPoints)
                .description("Points the queue could not make durable; their messages were not acknowledged")
                .register(registry);
        // per time-series target, label target (docs/QUEUE.md, several targets)
        for (TargetStats t : stats.targets()) {
            String name = t.name();
            Gauge.builder("linli.queue.depth.points", t, TargetStats::depthPoints).tag("target", name)
                    .description("Points in the disk queue not yet accepted by the target").register(registry);
            Gauge.builder("linli.queue.oldest.unacked.seconds", t, s -> s.oldestUnackedSeconds(clock.millis()))
                    .tag("target", name)
                    .description("Age of the oldest point the target has not accepted; 0 when it has none")
                    .register(registry);
            FunctionCounter.builder("linli.queue.accepted", t, TargetStats::acceptedPoints).tag("target", name)
                    .description("Points accepted by the target (points written)").register(registry);
            FunctionCounter.builder("linli.queue.replayed", t, TargetStats::replayedPoints).tag("target", name)
                    .description("Points written 5 s or more after they were queued (they waited out an outage or a restart)")
                    .register(registry);
            Gauge.builder("linli.influx.failing", t, s -> s.writesFailing() ? 1 : 0).tag("target", name)
                    .description("1 while the target's forwarder retries a batch the server did not take").register(registry);
        }
        KNOWN_DROPS.forEach(this::dropCounters);
    }

    private void dropCounters(String reason) {
        if (!registered.add(reason)) {
            return; // registered once per reason: a second register of the same meter makes Micrometer warn
        }
        for (TargetStats t : stats.targets()) {
            FunctionCounter.builder("linli.queue.dropped", t, s -> s.dropped(reason)).tag("reason", reason)
                    .tag("target", t.name())
                    .description("Points dropped from the queue, by reason and target").register(registry);
        }
    }

    @Override
    public void refresh() {
        stats.droppedByReason().keySet().forEach(this::dropCounters);
    }
}
