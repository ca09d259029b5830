package org.linli.gateway.queue;

import org.linli.gateway.timeseries.Lane;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The queue's segment log (CRC-framed records, fsynced appends, a committed position in an ack file) offered to
 * other packages as a plain append-only log of text records: the uplink's outbox uses it. Not thread-safe: the
 * caller serialises every call (the uplink holds one lock around it).
 */
public final class OutboxLog {
    private final SegmentLog log;

    private OutboxLog(SegmentLog log) {
        this.log = log;
    }

    /** Opens (and recovers) the log under {@code dir}: torn tails truncated, reading resumes at the committed position. */
    public static OutboxLog open(Path dir, long segmentBytes) throws IOException {
        // the lane only names the log in messages; the events lane is never dropped by a quota
        return new OutboxLog(SegmentLog.open(Lane.EVENTS, dir, segmentBytes));
    }

    /** Appends one record and fsyncs it: once this returns, a crash does not lose it. */
    public void appendDurably(String record, long nowMillis) throws IOException {
        log.append(List.of(record), nowMillis);
        log.sync();
    }

    /** Up to {@code max} records after the committed position, oldest first; they stay until {@link #commit}. */
    public List<QueuedRecord> read(int max) throws IOException {
        return log.read(max);
    }

    /** Moves the committed position past {@code records} (the next ones in order), durably; drops finished segments. */
    public void commit(List<QueuedRecord> records) throws IOException {
        log.ack(records);
    }

    public long depth() {
        return log.unacked();
    }

    public long bytes() {
        return log.bytes();
    }

    /** Append time of the oldest record not yet committed, or -1. */
    public long oldestMillis() throws IOException {
        return log.oldestUnackedMillis();
    }

    public void close() throws IOException {
        log.close();
    }
}
