package org.linli.gateway.queue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The byte layout of segment files (docs/QUEUE.md). A segment starts with an 8-byte header (magic {@code LQSG},
 * format version 1); then records, each:
 * <pre>
 *   int32  length   payload bytes (big-endian), 1..MAX_PAYLOAD
 *   int32  crc32    CRC-32 of the 8 time bytes followed by the payload
 *   int64  time     append time, epoch milliseconds
 *   bytes  payload  one line-protocol point, UTF-8
 * </pre>
 * A record whose length is out of range, that runs past the end of the file, or whose CRC does not match is where
 * the consistent part of the segment ends.
 */
final class RecordCodec {
    static final int MAGIC = 0x4C515347; // "LQSG"
    static final int VERSION = 1;
    static final int FILE_HEADER = 8;
    static final int RECORD_HEADER = 16;
    static final int MAX_PAYLOAD = 1 << 20;

    private RecordCodec() {
    }

    static ByteBuffer fileHeader() {
        ByteBuffer b = ByteBuffer.allocate(FILE_HEADER).putInt(MAGIC).putInt(VERSION);
        return b.flip();
    }

    static boolean validFileHeader(ByteBuffer b) {
        return b.remaining() >= FILE_HEADER && b.getInt(b.position()) == MAGIC && b.getInt(b.position() + 4) == VERSION;
    }

    static byte[] payload(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }

    /** Appends one framed record to {@code out}, which must have room for {@code RECORD_HEADER + payload.length}. */
    static void encode(ByteBuffer out, long timeMillis, byte[] payload) {
        out.putInt(payload.length).putInt(crc(timeMillis, payload, 0, payload.length)).putLong(timeMillis).put(payload);
    }

    static int crc(long timeMillis, byte[] payload, int from, int length) {
        CRC32 crc = new CRC32();
        byte[] time = ByteBuffer.allocate(8).putLong(timeMillis).array();
        crc.update(time, 0, 8);
        crc.update(payload, from, length);
        return (int) crc.getValue();
    }

    /**
     * Decodes the record at the buffer's position if it is whole and intact: returns its total size and leaves the
     * position after it; otherwise returns -1 and leaves the position where it was. {@code in} is a heap buffer; the
     * payload is checked and left where it is ({@code into} points at it), not copied.
     */
    static int decode(ByteBuffer in, Decoded into) {
        int start = in.position();
        if (in.remaining() < RECORD_HEADER) {
            return -1;
        }
        int length = in.getInt(start);
        if (length < 1 || length > MAX_PAYLOAD || in.remaining() < RECORD_HEADER + length) {
            return -1;
        }
        int crc = in.getInt(start + 4);
        long time = in.getLong(start + 8);
        int from = in.arrayOffset() + start + RECORD_HEADER;
        if (crc(time, in.array(), from, length) != crc) {
            return -1;
        }
        in.position(start + RECORD_HEADER + length);
        into.time = time;
        into.bytes = in.array();
        into.offset = from;
        into.length = length;
        return RECORD_HEADER + length;
    }

    /** Whether the bytes at the position could still become a whole record if more were read (vs. corrupt). */
    static boolean needsMore(ByteBuffer in) {
        if (in.remaining() < RECORD_HEADER) {
            return true;
        }
        int length = in.getInt(in.position());
        return length >= 1 && length <= MAX_PAYLOAD && in.remaining() < RECORD_HEADER + length;
    }

    /**
     * The fields of the last decoded record (reused to avoid an allocation per record); its payload lies in the read
     * buffer, valid until the buffer is read into again.
     */
    static final class Decoded {
        long time;
        private byte[] bytes;
        private int offset;
        private int length;

        /** The payload's bytes, copied out of the read buffer. */
        byte[] utf8() {
            return Arrays.copyOfRange(bytes, offset, offset + length);
        }
    }
}
