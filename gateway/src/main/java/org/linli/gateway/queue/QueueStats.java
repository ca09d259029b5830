package org.linli.gateway.queue;

import io.vertx.core.json.JsonObject;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;

/**
 * What the queue reports: the queue-wide figures (bytes, segments, offers, disk errors) and, per time-series target,
 * a {@link TargetStats}. The figures that were per queue before targets existed (depth, age, writes, drops,
 * failing) are computed over the targets, so that with one target they are exactly that target's (docs/QUEUE.md,
 * several targets): depth and age of the slowest target, counters summed, failing if any target fails. Depth figures
 * are published by the I/O thread after each operation; everything here is safe to read from any thread.
 */
public final class QueueStats {
    /** Drop reasons (the {@code reason} label of {@code linli_queue_dropped_total}, docs/OPERATIONS.md). */
    public static final String QUOTA_OLDEST_TELEMETRY = "quota_oldest_telemetry";
    public static final String REJECTED = "rejected";
    public static final String TOO_LARGE_POINT = "too_large_point";
    public static final String POISON = "poison";

    private final Map<String, TargetStats> targets = new LinkedHashMap<>();
    volatile long bytes;
    volatile long segments;
    final LongAdder offeredPoints = new LongAdder();
    final LongAdder committedBatches = new LongAdder();
    /** Appends or fsyncs the disk refused (full, failing): each one is retried, its offers waiting. */
    final LongAdder diskErrors = new LongAdder();
    /** Points whose offer failed for good (the disk kept refusing and memory held enough): never acknowledged. */
    final LongAdder refusedPoints = new LongAdder();
    volatile String lastDiskError = "";
    /** The target with the oldest position (it keeps the oldest segments on disk); null when none is behind. */
    volatile String heldBackBy;

    QueueStats(List<String> targetNames) {
        targetNames.forEach(n -> targets.put(n, new TargetStats(n)));
    }

    /** Each target's figures, in configuration order. */
    public Collection<TargetStats> targets() {
        return targets.values();
    }

    /** The named target's figures; IllegalArgumentException if there is no such target. */
    public TargetStats target(String name) {
        TargetStats t = targets.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no time-series target " + name);
        }
        return t;
    }

    private long max(ToLongFunction<TargetStats> f) {
        return targets.values().stream().mapToLong(f).max().orElse(0);
    }

    private long sum(ToLongFunction<TargetStats> f) {
        return targets.values().stream().mapToLong(f).sum();
    }

    /** Points the slowest target has still to write: what the queue must keep. */
    public long depthPoints() {
        return max(TargetStats::depthPoints);
    }

    public long eventPoints() {
        return max(TargetStats::eventPoints);
    }

    public long bytes() {
        return bytes;
    }

    public long offeredPoints() {
        return offeredPoints.sum();
    }

    /** Whether any target's writes are failing. */
    public boolean writesFailing() {
        return targets.values().stream().anyMatch(TargetStats::writesFailing);
    }

    /** The HTTP status of the last failed write of the first failing target, else of the first target. */
    public int lastStatus() {
        return failingOrFirst().lastStatus();
    }

    private TargetStats failingOrFirst() {
        return targets.values().stream().filter(TargetStats::writesFailing).findFirst()
                .orElse(targets.values().iterator().next());
    }

    /** Points accepted, summed over the targets (with one target: the points written). */
    public long acceptedPoints() {
        return sum(TargetStats::acceptedPoints);
    }

    public long replayedPoints() {
        return sum(TargetStats::replayedPoints);
    }

    public long retries() {
        return sum(TargetStats::retries);
    }

    public long splits() {
        return sum(TargetStats::splits);
    }

    /** HTTP write requests sent to the time-series targets (each attempt, split half and retry counts). */
    public long writeRequests() {
        return sum(TargetStats::writeRequests);
    }

    public long diskErrors() {
        return diskErrors.sum();
    }

    public long refusedPoints() {
        return refusedPoints.sum();
    }

    public String lastDiskError() {
        return lastDiskError;
    }

    public String heldBackBy() {
        return heldBackBy;
    }

    public long dropped(String reason) {
        return sum(t -> t.dropped(reason));
    }

    public Map<String, Long> droppedByReason() {
        Map<String, Long> out = new TreeMap<>();
        targets.values().forEach(t -> t.droppedByReason().forEach((k, v) -> out.merge(k, v, Long::sum)));
        return out;
    }

    /** Seconds since the oldest point some target has not written was queued; 0 when every target is done. */
    public double oldestUnackedSeconds(long nowMillis) {
        return targets.values().stream().mapToDouble(t -> t.oldestUnackedSeconds(nowMillis)).max().orElse(0);
    }

    public JsonObject toJson(long nowMillis) {
        JsonObject drops = new JsonObject();
        droppedByReason().forEach(drops::put);
        JsonObject perTarget = new JsonObject();
        targets.values().forEach(t -> perTarget.put(t.name(), t.toJson(nowMillis)));
        TargetStats shown = failingOrFirst();
        return new JsonObject()
                .put("depthPoints", depthPoints())
                .put("depthEventPoints", eventPoints())
                .put("depthBytes", bytes)
                .put("segments", segments)
                .put("oldestUnackedSeconds", oldestUnackedSeconds(nowMillis))
                .put("offeredPoints", offeredPoints.sum())
                .put("acceptedPoints", acceptedPoints())
                .put("acceptedBatches", sum(TargetStats::acceptedBatches))
                .put("replayedPoints", replayedPoints())
                .put("replayRatePointsPerSecond", Math.round(targets.values().stream()
                        .mapToDouble(TargetStats::replayRate).sum()))
                .put("writeRequests", writeRequests())
                .put("retries", retries())
                .put("splits", splits())
                .put("droppedPoints", drops)
                .put("writesFailing", writesFailing())
                .put("lastStatus", shown.lastStatus())
                .put("lastError", shown.lastError())
                .put("diskErrors", diskErrors.sum())
                .put("refusedPoints", refusedPoints.sum())
                .put("lastDiskError", lastDiskError)
                .put("heldBackBy", heldBackBy)
                .put("targets", perTarget);
    }
}
