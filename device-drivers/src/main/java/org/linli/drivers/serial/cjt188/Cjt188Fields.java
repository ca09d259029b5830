package org.linli.drivers.serial.cjt188;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.serial.Bcd;

/**
 * The field types 901F data is built from, shared by the water/gas and heat layouts: BCD decimals lowest byte
 * first, unit codes, the 7-byte meter clock. Decoding errors name the field, so a dead letter says which value
 * was broken.
 */
final class Cjt188Fields {
    static final int CLOCK_LENGTH = 7;

    private Cjt188Fields() {
    }

    /** {@code len} BCD bytes at {@code off}, lowest first, with {@code scale} decimals; BAD_BCD names the field. */
    static BigDecimal decimal(byte[] d, int off, int len, int scale, String field) throws DecodeException {
        try {
            return BigDecimal.valueOf(Bcd.decodeLowFirst(d, off, len), scale);
        } catch (DecodeException e) {
            throw new DecodeException(e.reason(), field + ": " + e.getMessage(), e);
        }
    }

    /** The inverse of {@link #decimal}: {@code value} with {@code scale} decimals as {@code len} BCD bytes. */
    static void writeDecimal(BigDecimal value, int scale, byte[] out, int off, int len) {
        System.arraycopy(Bcd.encodeLowFirst(value.movePointRight(scale).longValueExact(), len), 0, out, off, len);
    }

    /**
     * A unit code; UNKNOWN_CODE for a code outside the table, or for a unit of another kind than {@code expected}
     * (null: any kind).
     */
    static Cjt188Unit unit(byte code, Cjt188Unit.Kind expected, String field) throws DecodeException {
        Cjt188Unit u = Cjt188Unit.fromCode(code & 0xFF).orElseThrow(() -> new DecodeException(
                DecodeFailure.UNKNOWN_CODE, String.format("%s: unknown CJ/T 188 unit code %02X", field, code & 0xFF)));
        if (expected != null && u.kind() != expected) {
            throw new DecodeException(DecodeFailure.UNKNOWN_CODE, String.format(
                    "%s: unit %s (%02X) is not a %s unit", field, u.symbol(), u.code(),
                    expected.name().toLowerCase(Locale.ROOT)));
        }
        return u;
    }

    /** {@code ss mm hh DD MM YY YY}; empty when the BCD is valid but not a date (unset clocks send zeros). */
    static Optional<LocalDateTime> clock(byte[] d, int off) throws DecodeException {
        try {
            int ss = Bcd.decodeByte(d[off]);
            int mm = Bcd.decodeByte(d[off + 1]);
            int hh = Bcd.decodeByte(d[off + 2]);
            int day = Bcd.decodeByte(d[off + 3]);
            int month = Bcd.decodeByte(d[off + 4]);
            int year = (int) Bcd.decodeLowFirst(d, off + 5, 2);
            try {
                return Optional.of(LocalDateTime.of(year, month, day, hh, mm, ss));
            } catch (DateTimeException notADate) {
                return Optional.empty();
            }
        } catch (DecodeException e) {
            throw new DecodeException(e.reason(), "meter clock: " + e.getMessage(), e);
        }
    }

    /** The clock as 7 BCD bytes at {@code off}; an empty clock stays all zeros. */
    static void writeClock(Optional<LocalDateTime> clock, byte[] out, int off) {
        LocalDateTime t = clock.orElse(null);
        if (t == null) {
            return;
        }
        out[off] = (byte) Bcd.encodeByte(t.getSecond());
        out[off + 1] = (byte) Bcd.encodeByte(t.getMinute());
        out[off + 2] = (byte) Bcd.encodeByte(t.getHour());
        out[off + 3] = (byte) Bcd.encodeByte(t.getDayOfMonth());
        out[off + 4] = (byte) Bcd.encodeByte(t.getMonthValue());
        out[off + 5] = (byte) Bcd.encodeByte(t.getYear() % 100);
        out[off + 6] = (byte) Bcd.encodeByte(t.getYear() / 100);
    }
}
