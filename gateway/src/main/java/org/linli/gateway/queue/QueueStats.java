package org.linli.gateway.queue;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the queue and its forwarder report: depth, age of the oldest unacknowledged point, writes and drops by
 * reason. The depth figures are published by the I/O thread after each operation; counters may be bumped from
 * either side, so everything here is safe to read from any thread.
 */
public final class QueueStats {
    /** Drop reasons (the {@code reason} label of {@code linli_queue_dropped_total}). */
    public static final String QUOTA_OLDEST_TELEMETRY = "quota_oldest_telemetry";
    public static final String REJECTED = "rejected";
    public static final String TOO_LARGE_POINT = "too_large_point";
    public static final String POISON = "poison";

    volatile long eventPoints;
    volatile long telemetryPoints;
    volatile long bytes;
    volatile long segments;
    volatile long oldestUnackedMillis = -1;
    final LongAdder offeredPoints = new LongAdder();
    final LongAdder committedBatches = new LongAdder();
    final LongAdder acceptedPoints = new LongAdder();
    final LongAdder acceptedBatches = new LongAdder();
    final LongAdder replayedPoints = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder splits = new LongAdder();
    final LongAdder writeRequests = new LongAdder();
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    volatile double replayRate;
    volatile int lastStatus;
    volatile String lastError = "";

    void dropped(String reason, long points) {
        if (points > 0) {
            dropped.computeIfAbsent(reason, r -> new LongAdder()).add(points);
        }
    }

    public long depthPoints() {
        return eventPoints + telemetryPoints;
    }

    public long eventPoints() {
        return eventPoints;
    }

    public long bytes() {
        return bytes;
    }

    public long acceptedPoints() {
        return acceptedPoints.sum();
    }

    public long replayedPoints() {
        return replayedPoints.sum();
    }

    public long retries() {
        return retries.sum();
    }

    public long splits() {
        return splits.sum();
    }

    /** HTTP write requests sent to the time-series server (each attempt, split half and retry counts). */
    public long writeRequests() {
        return writeRequests.sum();
    }

    public long dropped(String reason) {
        LongAdder a = dropped.get(reason);
        return a == null ? 0 : a.sum();
    }

    public Map<String, Long> droppedByReason() {
        Map<String, Long> out = new TreeMap<>();
        dropped.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Seconds since the oldest unacknowledged point was queued; 0 when the queue is empty. */
    public double oldestUnackedSeconds(long nowMillis) {
        long t = oldestUnackedMillis;
        return t < 0 ? 0 : Math.max(0, nowMillis - t) / 1000.0;
    }

    public JsonObject toJson(long nowMillis) {
        JsonObject drops = new JsonObject();
        droppedByReason().forEach(drops::put);
        return new JsonObject()
                .put("depthPoints", depthPoints())
                .put("depthEventPoints", eventPoints)
                .put("depthBytes", bytes)
                .put("segments", segments)
                .put("oldestUnackedSeconds", oldestUnackedSeconds(nowMillis))
                .put("offeredPoints", offeredPoints.sum())
                .put("acceptedPoints", acceptedPoints.sum())
                .put("acceptedBatches", acceptedBatches.sum())
                .put("replayedPoints", replayedPoints.sum())
                .put("replayRatePointsPerSecond", Math.round(replayRate))
                .put("writeRequests", writeRequests.sum())
                .put("retries", retries.sum())
                .put("splits", splits.sum())
                .put("droppedPoints", drops)
                .put("lastStatus", lastStatus)
                .put("lastError", lastError);
    }

    /** The Prometheus text exposition of the queue's gauges and counters. */
    public String prometheus(long nowMillis) {
        StringBuilder b = new StringBuilder();
        b.append("# HELP linli_queue_depth_points Points in the disk queue not yet accepted by the time-series server.\n")
                .append("# TYPE linli_queue_depth_points gauge\n")
                .append("linli_queue_depth_points ").append(depthPoints()).append('\n')
                .append("# HELP linli_queue_depth_bytes Bytes of segment files of the disk queue.\n")
                .append("# TYPE linli_queue_depth_bytes gauge\n")
                .append("linli_queue_depth_bytes ").append(bytes).append('\n')
                .append("# HELP linli_queue_oldest_unacked_seconds Age of the oldest point not yet accepted.\n")
                .append("# TYPE linli_queue_oldest_unacked_seconds gauge\n")
                .append("linli_queue_oldest_unacked_seconds ").append(oldestUnackedSeconds(nowMillis)).append('\n')
                .append("# HELP linli_queue_dropped_total Points dropped from the queue, by reason.\n")
                .append("# TYPE linli_queue_dropped_total counter\n");
        Map<String, Long> drops = droppedByReason();
        for (String reason : new String[]{QUOTA_OLDEST_TELEMETRY, REJECTED, TOO_LARGE_POINT, POISON}) {
            drops.putIfAbsent(reason, 0L);
        }
        drops.forEach((reason, n) -> b.append("linli_queue_dropped_total{reason=\"").append(reason).append("\"} ")
                .append(n).append('\n'));
        b.append("# HELP linli_queue_replayed_total Points written after waiting in the queue (an outage or a restart).\n")
                .append("# TYPE linli_queue_replayed_total counter\n")
                .append("linli_queue_replayed_total ").append(replayedPoints.sum()).append('\n')
                .append("# HELP linli_queue_accepted_total Points accepted by the time-series server.\n")
                .append("# TYPE linli_queue_accepted_total counter\n")
                .append("linli_queue_accepted_total ").append(acceptedPoints.sum()).append('\n');
        return b.toString();
    }
}
