package org.linli.drivers.serial;

import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;

/**
 * Packed BCD (two decimal digits per byte, high nibble = tens). Meter protocols send multi-byte BCD numbers
 * lowest byte first (CJ/T 188) or highest first (Modbus bcd16/bcd32), so both directions are offered.
 */
public final class Bcd {
    private Bcd() {
    }

    /** One byte 0x00..0x99 as 0..99; a nibble above 9 is BAD_BCD. */
    public static int decodeByte(int b) throws DecodeException {
        int hi = (b >> 4) & 0x0F;
        int lo = b & 0x0F;
        if (hi > 9 || lo > 9) {
            throw new DecodeException(DecodeFailure.BAD_BCD, String.format("invalid BCD byte %02X", b & 0xFF));
        }
        return hi * 10 + lo;
    }

    /** 0..99 as one BCD byte. */
    public static int encodeByte(int value) {
        if (value < 0 || value > 99) {
            throw new IllegalArgumentException("BCD byte out of range: " + value);
        }
        return ((value / 10) << 4) | (value % 10);
    }

    /** {@code len} bytes starting at {@code off}, lowest byte first (CJ/T 188 order). */
    public static long decodeLowFirst(byte[] bytes, int off, int len) throws DecodeException {
        long value = 0;
        for (int i = len - 1; i >= 0; i--) {
            value = value * 100 + decodeByte(bytes[off + i]);
        }
        return value;
    }

    /** {@code len} bytes starting at {@code off}, highest byte first. */
    public static long decodeHighFirst(byte[] bytes, int off, int len) throws DecodeException {
        long value = 0;
        for (int i = 0; i < len; i++) {
            value = value * 100 + decodeByte(bytes[off + i]);
        }
        return value;
    }

    /** A non-negative number as {@code len} BCD bytes, lowest byte first; too many digits is an error. */
    public static byte[] encodeLowFirst(long value, int len) {
        if (value < 0) {
            throw new IllegalArgumentException("BCD cannot hold a negative number: " + value);
        }
        byte[] out = new byte[len];
        long rest = value;
        for (int i = 0; i < len; i++) {
            out[i] = (byte) encodeByte((int) (rest % 100));
            rest /= 100;
        }
        if (rest != 0) {
            throw new IllegalArgumentException(value + " does not fit in " + len + " BCD bytes");
        }
        return out;
    }

    /** A non-negative number as {@code len} BCD bytes, highest byte first. */
    public static byte[] encodeHighFirst(long value, int len) {
        byte[] low = encodeLowFirst(value, len);
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) {
            out[i] = low[len - 1 - i];
        }
        return out;
    }
}
