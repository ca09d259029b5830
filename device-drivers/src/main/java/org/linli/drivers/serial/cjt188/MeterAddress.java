package org.linli.drivers.serial.cjt188;

import java.util.Objects;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.serial.Bcd;

/**
 * A 7-byte BCD meter address, written the way it is printed on the meter: 14 digits, most significant first
 * ("78330011223344" = maker code 7833, meter 0011223344). On the wire it is sent lowest byte first
 * ({@code 44 33 22 11 00 33 78}). All-AA is the broadcast address (unverified convention, used to read the
 * address of the only meter on a line).
 */
public record MeterAddress(String digits) {
    public static final int WIRE_LENGTH = 7;
    public static final MeterAddress BROADCAST = new MeterAddress("AAAAAAAAAAAAAA");

    public MeterAddress {
        Objects.requireNonNull(digits, "digits");
        if (!digits.matches("\\d{14}") && !digits.equals("AAAAAAAAAAAAAA")) {
            throw new IllegalArgumentException("a meter address is 14 decimal digits, got '" + digits + "'");
        }
    }

    public static MeterAddress of(String digits) {
        return new MeterAddress(digits.toUpperCase(java.util.Locale.ROOT));
    }

    public boolean isBroadcast() {
        return this.equals(BROADCAST);
    }

    /** Reads 7 wire bytes at {@code off}; a non-decimal nibble (other than the all-AA broadcast) is BAD_BCD. */
    public static MeterAddress fromWire(byte[] bytes, int off) throws DecodeException {
        boolean allAa = true;
        for (int i = 0; i < WIRE_LENGTH; i++) {
            allAa &= (bytes[off + i] & 0xFF) == 0xAA;
        }
        if (allAa) {
            return BROADCAST;
        }
        StringBuilder sb = new StringBuilder(14);
        for (int i = WIRE_LENGTH - 1; i >= 0; i--) {
            int v = Bcd.decodeByte(bytes[off + i] & 0xFF);
            if (v < 10) {
                sb.append('0');
            }
            sb.append(v);
        }
        return new MeterAddress(sb.toString());
    }

    /** The 7 wire bytes, lowest first. */
    public byte[] toWire() {
        byte[] out = new byte[WIRE_LENGTH];
        for (int i = 0; i < WIRE_LENGTH; i++) {
            int pos = 12 - 2 * i;
            out[i] = (byte) Integer.parseInt(digits.substring(pos, pos + 2), 16);
        }
        return out;
    }

    @Override
    public String toString() {
        return digits;
    }
}
