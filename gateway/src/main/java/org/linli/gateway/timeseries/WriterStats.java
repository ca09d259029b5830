package org.linli.gateway.timeseries;

import io.vertx.core.json.JsonObject;

/** Counters of the batching writer, read by /api/status and the metrics endpoint. Event-loop confined. */
public final class WriterStats {
    long acceptedPoints;
    long acceptedBatches;
    long rejectedPoints;
    long droppedOverflowPoints;
    long retries;
    long splits;
    long lastLatencyMicros;
    String lastError = "";
    int lastStatus;

    public long acceptedPoints() {
        return acceptedPoints;
    }

    public long rejectedPoints() {
        return rejectedPoints;
    }

    public long droppedOverflowPoints() {
        return droppedOverflowPoints;
    }

    public long retries() {
        return retries;
    }

    public long splits() {
        return splits;
    }

    public JsonObject toJson(int buffered) {
        return new JsonObject()
                .put("bufferedPoints", buffered)
                .put("acceptedPoints", acceptedPoints)
                .put("acceptedBatches", acceptedBatches)
                .put("rejectedPoints", rejectedPoints)
                .put("droppedOverflowPoints", droppedOverflowPoints)
                .put("retries", retries)
                .put("splits", splits)
                .put("lastWriteLatencyMs", lastLatencyMicros / 1000.0)
                .put("lastStatus", lastStatus)
                .put("lastError", lastError);
    }
}
