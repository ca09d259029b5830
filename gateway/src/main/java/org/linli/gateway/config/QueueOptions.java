package org.linli.gateway.config;

import java.nio.file.Path;

/**
 * The durable store-and-forward queue in front of the time-series writer (docs/QUEUE.md). Optional section
 * {@code queue:}; every field has a default.
 *
 * @param dir          where the segment files live; default {@code <storage.dataDir>/queue}
 * @param maxBytes     disk quota for all segments; past it the oldest telemetry is dropped (events never); 1 GiB
 * @param segmentBytes size at which a segment file is sealed and a new one started; 16 MiB
 * @param fsyncEveryMs how long offers are collected into one write and one fsync (group commit); 5 ms
 * @param readyMaxAgeSeconds while writes fail, {@code GET /health/ready} answers 503 once the oldest queued point is
 *                     older than this (docs/OPERATIONS.md); 600 s
 */
public record QueueOptions(String dir, Long maxBytes, Long segmentBytes, Integer fsyncEveryMs, Integer readyMaxAgeSeconds) {
    public QueueOptions {
        maxBytes = maxBytes == null ? 1L << 30 : maxBytes;
        segmentBytes = segmentBytes == null ? 16L << 20 : segmentBytes;
        fsyncEveryMs = fsyncEveryMs == null ? 5 : fsyncEveryMs;
        readyMaxAgeSeconds = readyMaxAgeSeconds == null ? 600 : readyMaxAgeSeconds;
    }


    public static QueueOptions defaults() {
        return new QueueOptions(null, null, null, null, null);
    }

    public QueueOptions withDir(String d) {
        return new QueueOptions(d, maxBytes, segmentBytes, fsyncEveryMs, readyMaxAgeSeconds);
    }

    public QueueOptions withMaxBytes(long bytes) {
        return new QueueOptions(dir, bytes, segmentBytes, fsyncEveryMs, readyMaxAgeSeconds);
    }

    public QueueOptions withSegmentBytes(long bytes) {
        return new QueueOptions(dir, maxBytes, bytes, fsyncEveryMs, readyMaxAgeSeconds);
    }

    public QueueOptions withFsyncEveryMs(int ms) {
        return new QueueOptions(dir, maxBytes, segmentBytes, ms, readyMaxAgeSeconds);
    }

    public QueueOptions withReadyMaxAgeSeconds(int seconds) {
        return new QueueOptions(dir, maxBytes, segmentBytes, fsyncEveryMs, seconds);
    }

    /** The directory, resolved against the data directory when not given. */
    public Path dirUnder(String dataDir) {
        return dir != null ? Path.of(dir) : Path.of(dataDir).resolve("queue");
    }
}
