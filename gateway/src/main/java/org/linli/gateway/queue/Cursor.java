package org.linli.gateway.queue;

/**
 * One reader's place in a {@link SegmentLog}: its committed position (durable in its own {@link AckFile}), the number
 * of records before that position in the position's segment, and how many records after it are still unread. One
 * cursor per time-series target (docs/QUEUE.md, several targets). Not thread-safe: the queue's I/O thread only.
 */
final class Cursor {
    final String name;
    final AckFile file;
    Position acked;
    /** Records of segment {@code acked.segment()} that lie before {@code acked}. */
    long ackedInSegment;
    long unacked;
    /**
     * Append time of the oldest unread record when known, else {@link #UNKNOWN}: the depth gauges ask for it after
     * every commit, and reading it from disk each time cost a file open and a 256 KiB read per commit.
     */
    long oldestMillis = UNKNOWN;

    static final long UNKNOWN = Long.MIN_VALUE;

    Cursor(String name, AckFile file) {
        this.name = name;
        this.file = file;
    }

    /** Whether every record of segment {@code s} is behind this cursor. */
    boolean passed(Segment s) {
        return s.id < acked.segment() || (s.id == acked.segment() && acked.offset() >= s.size);
    }

    /** Records of segment {@code s} this cursor has not yet passed. */
    long unackedIn(Segment s) {
        if (s.id < acked.segment()) {
            return 0;
        }
        return s.id == acked.segment() ? s.records - ackedInSegment : s.records;
    }
}
