package org.linli.gateway.queue;

import org.linli.gateway.timeseries.Lane;

/**
 * One line-protocol point read back from the queue: its lane, where its record ends (acknowledging it moves the
 * lane's acknowledged position there) and when it was appended.
 */
public record QueuedRecord(Lane lane, long segment, long endOffset, long appendedMillis, String line) {
    Position end() {
        return new Position(segment, endOffset);
    }
}
