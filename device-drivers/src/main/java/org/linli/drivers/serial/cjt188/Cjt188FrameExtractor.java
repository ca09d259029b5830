package org.linli.drivers.serial.cjt188;

/**
 * Finds the next CJ/T 188 frame in bytes read so far from a serial line, which may start with line noise or
 * FE preambles and may end in the middle of a frame. The poller appends what it reads and calls
 * {@link #next} until it gets a {@link Candidate} (then decodes it with {@link Cjt188Codec#decode}) or its
 * timeout expires.
 *
 * <p>Each 68 byte is a possible start. A start is accepted when its L says the frame is complete and the byte
 * at the end position is 16. When an earlier start is still incomplete, a later complete one is accepted only
 * if its checksum also matches: an earlier 68 may be noise, but a 68 inside the frame's own address or data
 * must not cut the real frame short. The checksum itself is left to the codec so it is counted as BAD_CHECKSUM.
 */
public final class Cjt188FrameExtractor {
    private Cjt188FrameExtractor() {
    }

    /** What the bytes so far contain. */
    public sealed interface Result permits Candidate, NeedMore, NoFrame {
    }

    /** A complete candidate frame at {@code buf[start .. start+length)}; bytes before it are noise. */
    public record Candidate(int start, int length) implements Result {
        public int end() {
            return start + length;
        }
    }

    /**
     * The frame starting at {@code start} is not complete yet: at least {@code atLeast} more bytes are needed
     * (the exact count once the L byte has arrived). Bytes before {@code start} may be discarded.
     */
    public record NeedMore(int start, int atLeast) implements Result {
    }

    /** No plausible start in these bytes; all {@code discardable} bytes can be dropped. */
    public record NoFrame(int discardable) implements Result {
    }

    public static Result next(byte[] buf) {
        return next(buf, 0, buf.length);
    }

    /** Looks at {@code buf[off .. off+len)}; positions in the result are absolute indices into {@code buf}. */
    public static Result next(byte[] buf, int off, int len) {
        int limit = off + len;
        NeedMore firstIncomplete = null;
        for (int i = off; i < limit; i++) {
            if ((buf[i] & 0xFF) != Cjt188Codec.START) {
                continue;
            }
            int available = limit - i;
            if (available < Cjt188Codec.HEADER_LENGTH) {
                firstIncomplete = firstIncomplete != null ? firstIncomplete
                        : new NeedMore(i, Cjt188Codec.HEADER_LENGTH + 2 - available);
                continue;
            }
            int total = Cjt188Codec.OVERHEAD + (buf[i + 10] & 0xFF);
            if (available < total) {
                firstIncomplete = firstIncomplete != null ? firstIncomplete : new NeedMore(i, total - available);
                continue;
            }
            if ((buf[i + total - 1] & 0xFF) != Cjt188Codec.END) {
                continue;
            }
            if (firstIncomplete == null || checksumMatches(buf, i, total)) {
                return new Candidate(i, total);
            }
        }
        return firstIncomplete != null ? firstIncomplete : new NoFrame(len);
    }

    private static boolean checksumMatches(byte[] buf, int start, int total) {
        return Cjt188Codec.checksum(buf, start, total - 2) == (buf[start + total - 2] & 0xFF);
    }
}
