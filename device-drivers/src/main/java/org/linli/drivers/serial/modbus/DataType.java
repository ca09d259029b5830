package org.linli.drivers.serial.modbus;

import org.linli.drivers.model.DecodeException;
import org.linli.drivers.serial.Bcd;
import org.linli.drivers.serial.WordOrder;

/** How a point's registers encode its raw value; the {@link WordOrder} says where its bytes sit. */
public enum DataType {
    INT16(1), UINT16(1), BCD16(1), INT32(2), UINT32(2), BCD32(2), FLOAT32(2);

    private final int words;

    DataType(int words) {
        this.words = words;
    }

    /** Registers the value occupies. */
    public int words() {
        return words;
    }

    /** The raw value from its wire bytes (before scale); BAD_BCD for a non-decimal nibble in BCD types. */
    public double decode(byte[] wire, WordOrder order) throws DecodeException {
        return switch (this) {
            case INT16 -> (short) order.read16(wire, 0);
            case UINT16 -> order.read16(wire, 0);
            case BCD16 -> bcd(order.read16(wire, 0), 2);
            case INT32 -> order.read32(wire, 0);
            case UINT32 -> Integer.toUnsignedLong(order.read32(wire, 0));
            case BCD32 -> bcd(order.read32(wire, 0), 4);
            case FLOAT32 -> Float.intBitsToFloat(order.read32(wire, 0));
        };
    }

    /** Simulator side: the wire bytes of a raw value (rounded to an integer for the integer types). */
    public byte[] encode(double raw, WordOrder order) {
        byte[] wire = new byte[2 * words];
        long n = Math.round(raw);
        switch (this) {
            case INT16, UINT16 -> order.write16((int) n, wire, 0);
            case BCD16 -> order.write16((int) toBcd(n, 2), wire, 0);
            case INT32, UINT32 -> order.write32((int) n, wire, 0);
            case BCD32 -> order.write32((int) toBcd(n, 4), wire, 0);
            case FLOAT32 -> order.write32(Float.floatToIntBits((float) raw), wire, 0);
            default -> throw new IllegalStateException();
        }
        return wire;
    }

    private static long bcd(int packed, int bytes) throws DecodeException {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) (packed >>> (8 * (bytes - 1 - i)));
        }
        return Bcd.decodeHighFirst(b, 0, bytes);
    }

    private static long toBcd(long value, int bytes) {
        byte[] b = Bcd.encodeHighFirst(value, bytes);
        long packed = 0;
        for (byte x : b) {
            packed = (packed << 8) | (x & 0xFF);
        }
        return packed;
    }
}
