package org.linli.gateway.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads records of one segment file through a 256 KiB window, so a scan or a batch read is a few large reads. */
final class RecordReader {
    private static final int WINDOW = 256 * 1024;

    private final FileChannel ch;
    private final long limit;
    private ByteBuffer window;
    private long windowStart = -1;

    RecordReader(FileChannel ch, long limit) {
        this(ch, limit, newWindow());
    }

    /** Reads through {@code window} (its content is overwritten): a caller that reads often keeps one and passes it. */
    RecordReader(FileChannel ch, long limit, ByteBuffer window) {
        this.ch = ch;
        this.limit = limit;
        this.window = window;
    }

    static ByteBuffer newWindow() {
        return ByteBuffer.allocate(WINDOW);
    }

    /** The window after the reads: larger than given when a record did not fit, so the caller keeps this one. */
    ByteBuffer window() {
        return window;
    }

    /** Decodes the record at {@code pos}: its size, or -1 at the end of the consistent data. */
    int next(long pos, RecordCodec.Decoded into) throws IOException {
        if (pos >= limit) {
            return -1;
        }
        if (!inWindow(pos, RecordCodec.RECORD_HEADER)) {
            fill(pos, RecordCodec.RECORD_HEADER);
        }
        window.position((int) (pos - windowStart));
        int n = RecordCodec.decode(window, into);
        if (n < 0 && RecordCodec.needsMore(window) && windowStart + window.limit() < limit) {
            int length = window.remaining() >= 4 ? window.getInt(window.position()) : 0;
            fill(pos, RecordCodec.RECORD_HEADER + Math.max(0, length));
            window.position(0);
            n = RecordCodec.decode(window, into);
        }
        return n;
    }

    private boolean inWindow(long pos, int need) {
        return windowStart >= 0 && pos >= windowStart && pos + need <= windowStart + window.limit();
    }

    private void fill(long pos, int need) throws IOException {
        int size = (int) Math.min(Math.max(WINDOW, need), limit - pos);
        if (window.capacity() < size) {
            window = ByteBuffer.allocate(size);
        }
        window.clear().limit(size);
        Segment.readFully(ch, window, pos);
        window.flip();
        windowStart = pos;
    }
}
