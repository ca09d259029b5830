package org.linli.drivers.serial.cjt188;

import java.io.ByteArrayOutputStream;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.serial.Hex;

/**
 * Turns {@link Cjt188Frame}s into wire bytes and back:
 * {@code [FE x n] 68 T A0..A6 C L DI0 DI1 SER DATA.. CS 16}, where L counts DI+SER+DATA and CS is the sum of
 * all bytes from 68 to the last data byte, mod 256. Decoding checks, in this order: start byte, length,
 * end byte, checksum, address BCD, error flag, so that each rejection is counted under one reason.
 */
public final class Cjt188Codec {
    public static final int PREAMBLE = 0xFE;
    public static final int START = 0x68;
    public static final int END = 0x16;
    /** Bytes before the payload: 68 T A0..A6 C L. */
    public static final int HEADER_LENGTH = 11;
    /** Header + CS + 16 around a payload of L bytes. */
    public static final int OVERHEAD = HEADER_LENGTH + 2;
    /** DI0 DI1 SER. */
    public static final int MIN_PAYLOAD = 3;
    public static final int MAX_LENGTH = 0xFF;

    private Cjt188Codec() {
    }

    /** Wire bytes with {@code preamble} leading FE bytes (0..n; meters on M-Bus converters often want 2-4). */
    public static byte[] encode(Cjt188Frame frame, int preamble) {
        if (preamble < 0) {
            throw new IllegalArgumentException("preamble count must be >= 0");
        }
        byte[] data = frame.data();
        ByteArrayOutputStream out = new ByteArrayOutputStream(preamble + OVERHEAD + MIN_PAYLOAD + data.length);
        for (int i = 0; i < preamble; i++) {
            out.write(PREAMBLE);
        }
        out.write(START);
        out.write(frame.meterType());
        out.writeBytes(frame.address().toWire());
        out.write(frame.control());
        out.write(MIN_PAYLOAD + data.length);
        int diLow = frame.dataId() & 0xFF;
        int diHigh = (frame.dataId() >> 8) & 0xFF;
        out.write(frame.dataIdSwapped() ? diHigh : diLow);
        out.write(frame.dataIdSwapped() ? diLow : diHigh);
        out.write(frame.ser());
        out.writeBytes(data);
        byte[] soFar = out.toByteArray();
        out.write(checksum(soFar, preamble, soFar.length - preamble));
        out.write(END);
        return out.toByteArray();
    }

    /** Sum of {@code len} bytes from {@code off}, mod 256. */
    public static int checksum(byte[] bytes, int off, int len) {
        int sum = 0;
        for (int i = off; i < off + len; i++) {
            sum += bytes[i] & 0xFF;
        }
        return sum & 0xFF;
    }

    /**
     * Decodes exactly one frame, with any number of leading FE bytes. Trailing bytes after the end byte are
     * BAD_LENGTH (use {@link Cjt188FrameExtractor} to cut a frame out of a stream first). An error reply
     * throws {@link Cjt188ErrorReply} (reason ERROR_REPLY).
     */
    public static Cjt188Frame decode(byte[] bytes) throws DecodeException {
        int s = 0;
        while (s < bytes.length && (bytes[s] & 0xFF) == PREAMBLE) {
            s++;
        }
        if (s == bytes.length) {
            throw new DecodeException(DecodeFailure.TRUNCATED_FRAME, "no bytes after the FE preamble");
        }
        if ((bytes[s] & 0xFF) != START) {
            throw new DecodeException(DecodeFailure.BAD_START_BYTE,
                    String.format("expected 68 at offset %d, got %02X", s, bytes[s] & 0xFF));
        }
        int available = bytes.length - s;
        if (available < HEADER_LENGTH) {
            throw new DecodeException(DecodeFailure.TRUNCATED_FRAME,
                    "frame ends inside the header after " + available + " bytes: " + Hex.format(bytes));
        }
        int length = bytes[s + 10] & 0xFF;
        int total = OVERHEAD + length;
        if (available < total) {
            throw new DecodeException(DecodeFailure.TRUNCATED_FRAME,
                    "L=" + length + " needs " + total + " bytes from 68, got " + available);
        }
        if (available > total) {
            throw new DecodeException(DecodeFailure.BAD_LENGTH,
                    "L=" + length + " gives " + total + " bytes from 68 but " + available + " were passed");
        }
        int end = bytes[s + total - 1] & 0xFF;
        if (end != END) {
            throw new DecodeException(DecodeFailure.BAD_END_BYTE, String.format("expected end byte 16, got %02X", end));
        }
        int expected = checksum(bytes, s, total - 2);
        int actual = bytes[s + total - 2] & 0xFF;
        if (expected != actual) {
            throw new DecodeException(DecodeFailure.BAD_CHECKSUM,
                    String.format("checksum %02X, computed %02X", actual, expected));
        }
        MeterAddress address = MeterAddress.fromWire(bytes, s + 2);
        int type = bytes[s + 1] & 0xFF;
        int control = bytes[s + 9] & 0xFF;
        int p = s + HEADER_LENGTH;
        if (Cjt188Control.isError(control)) {
            throw errorReply(type, address, control, bytes, p, length);
        }
        if (length < MIN_PAYLOAD) {
            throw new DecodeException(DecodeFailure.BAD_LENGTH, "L=" + length + " is shorter than DI + SER");
        }
        int di0 = bytes[p] & 0xFF;
        int di1 = bytes[p + 1] & 0xFF;
        byte[] data = java.util.Arrays.copyOfRange(bytes, p + MIN_PAYLOAD, p + length);
        return new Cjt188Frame(type, address, control, DataId.normalise(di0, di1), DataId.isSwapped(di0, di1),
                bytes[p + 2] & 0xFF, data);
    }

    /** Error replies differ by vendor (with or without DI + SER); the status byte is the last payload byte. */
    private static Cjt188ErrorReply errorReply(int type, MeterAddress address, int control, byte[] bytes, int p,
                                               int length) {
        int di = length >= 2 ? DataId.normalise(bytes[p] & 0xFF, bytes[p + 1] & 0xFF) : 0;
        int ser = length >= 3 ? bytes[p + 2] & 0xFF : 0;
        byte[] rest = length > 3 ? java.util.Arrays.copyOfRange(bytes, p + 3, p + length) : new byte[0];
        int status = length > 0 ? bytes[p + length - 1] & 0xFF : -1;
        return new Cjt188ErrorReply(new Cjt188Frame(type, address, control, di, ser, rest), status);
    }
}
