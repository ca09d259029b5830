package org.linli.gateway.queue;

/** A place in a lane of the queue: a segment number and a byte offset in that segment's file. */
record Position(long segment, long offset) implements Comparable<Position> {
    @Override
    public int compareTo(Position o) {
        int c = Long.compare(segment, o.segment);
        return c != 0 ? c : Long.compare(offset, o.offset);
    }

    boolean isAfter(Position o) {
        return compareTo(o) > 0;
    }
}
