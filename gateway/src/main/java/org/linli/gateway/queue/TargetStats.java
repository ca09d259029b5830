package org.linli.gateway.queue;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one time-series target's side of the queue reports (docs/QUEUE.md, several targets): the points it has still
 * to write, the age of its oldest, its writes, retries and drops by reason, and whether its writes are failing. Depth
 * figures are published by the queue's I/O thread, counters bumped by the target's forwarder: safe to read anywhere.
 */
public final class TargetStats {
    private final String name;
    volatile long eventPoints;
    volatile long telemetryPoints;
    volatile long oldestUnackedMillis = -1;
    final LongAdder acceptedPoints = new LongAdder();
    final LongAdder acceptedBatches = new LongAdder();
    final LongAdder replayedPoints = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder splits = new LongAdder();
    final LongAdder writeRequests = new LongAdder();
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    volatile double replayRate;
    /** The forwarder is retrying a batch the server did not take (down, throttling, refusing our token). */
    volatile boolean writesFailing;
    volatile int lastStatus;
    volatile String lastError = "";

    TargetStats(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

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

    public boolean writesFailing() {
        return writesFailing;
    }

    /** The HTTP status of the last failed or refused write (0 for no answer at all). */
    public int lastStatus() {
        return lastStatus;
    }

    public String lastError() {
        return lastError;
    }

    public long acceptedPoints() {
        return acceptedPoints.sum();
    }

    public long acceptedBatches() {
        return acceptedBatches.sum();
    }

    public long replayedPoints() {
        return replayedPoints.sum();
    }

    public double replayRate() {
        return replayRate;
    }

    public long retries() {
        return retries.sum();
    }

    public long splits() {
        return splits.sum();
    }

    /** HTTP write requests sent to this target (each attempt, split half and retry counts). */
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

    /** Append time of this target's oldest unwritten point, or -1. */
    public long oldestUnackedMillis() {
        return oldestUnackedMillis;
    }

    /** Seconds since this target's oldest unwritten point was queued; 0 when it has none. */
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
                .put("oldestUnackedSeconds", oldestUnackedSeconds(nowMillis))
                .put("acceptedPoints", acceptedPoints())
                .put("acceptedBatches", acceptedBatches())
                .put("replayedPoints", replayedPoints())
                .put("replayRatePointsPerSecond", Math.round(replayRate))
                .put("writeRequests", writeRequests())
                .put("retries", retries())
                .put("splits", splits())
                .put("droppedPoints", drops)
                .put("writesFailing", writesFailing)
                .put("lastStatus", lastStatus)
                .put("lastError", lastError);
    }
}
