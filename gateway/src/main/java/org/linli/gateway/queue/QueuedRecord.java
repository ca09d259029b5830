package org.linli.gateway.queue;

import org.linli.gateway.timeseries.Lane;

import java.nio.charset.StandardCharsets;

/**
 * One line-protocol point read back from the queue: its lane, where its record ends (acknowledging it moves the
 * lane's acknowledged position there), when it was appended, and the line as the UTF-8 bytes the queue holds. The
 * writer sends those bytes as they are; {@link #line()} decodes them for whoever needs the text (dead letters, the
 * uplink). The array is never changed.
 */
public record QueuedRecord(Lane lane, long segment, long endOffset, long appendedMillis, byte[] utf8) {
    Position end() {
        return new Position(segment, endOffset);
    }

    /** The line as text. */
    public String line() {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
