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
    /** Drop reasons (the {@code reason} label of {@code linli_queue_dropped_total}, docs/OPERATIONS.md). */
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
    /** Appends or fsyncs the disk refused (full, failing): each one is retried, its offers waiting. */
    final LongAdder diskErrors = new LongAdder();
    /** Points whose offer failed for good (the disk kept refusing and memory held enough): never acknowledged. */
    final LongAdder refusedPoints = new LongAdder();
    volatile String lastDiskError = "";
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    volatile double replayRate;
    /** The forwarder is retrying a batch the server did not take (down, throttling, refusing our token). */
    volatile boolean writesFailing;
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

    public long offeredPoints() {
        return offeredPoints.sum();
    }

    public boolean writesFailing() {
        return writesFailing;
    }

    /** The HTTP status of the last failed or refused write (0 for no answer at all). */
    public int lastStatus() {
        return lastStatus;
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

    public long diskErrors() {
        return diskErrors.sum();
    }

    public long refusedPoints() {
        return refusedPoints.sum();
    }

    public String lastDiskError() {
        return lastDiskError;
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
                .put("writesFailing", writesFailing)
                .put("lastStatus", lastStatus)
                .put("lastError", lastError)
                .put("diskErrors", diskErrors.sum())
                .put("refusedPoints", refusedPoints.sum())
                .put("lastDiskError", lastDiskError);
    }
}
