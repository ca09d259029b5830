package org.linli.drivers.serial.cjt188;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.serial.Bcd;

/**
 * The data of a 901F reply from a water or gas meter (after DI and SER, 19 bytes): current total (4 bytes BCD,
 * 2 decimals, low byte first) + unit, settlement-day total + unit, the meter clock (7 bytes BCD
 * {@code ss mm hh DD MM YY YY}, year low byte first), and status bytes ST0 (standard) and ST1 (vendor).
 * Heat meters use a longer, different layout that is not parsed here.
 *
 * <p>{@code meterClock} is empty when the BCD is valid but is not a date (an unset meter clock sends zeros);
 * we do not reject the reading for that, and readings are stamped with the poll time anyway.
 */
public record CurrentFlowData(BigDecimal currentTotal, Cjt188Unit currentUnit, BigDecimal settlementTotal,
                              Cjt188Unit settlementUnit, Optional<LocalDateTime> meterClock, int status0,
                              int status1) {
    public static final int LENGTH = 19;
    /** Largest value 4 BCD bytes with 2 decimals can carry. */
    public static final BigDecimal MAX_TOTAL = new BigDecimal("999999.99");

    /** Parses the data field of a 901F reply frame. */
    public static CurrentFlowData parse(byte[] data) throws DecodeException {
        if (data.length != LENGTH) {
            throw new DecodeException(DecodeFailure.BAD_LENGTH,
                    "901F water/gas data is " + LENGTH + " bytes, got " + data.length);
        }
        BigDecimal current = BigDecimal.valueOf(Bcd.decodeLowFirst(data, 0, 4), 2);
        Cjt188Unit currentUnit = unit(data[4]);
        BigDecimal settlement = BigDecimal.valueOf(Bcd.decodeLowFirst(data, 5, 4), 2);
        Cjt188Unit settlementUnit = unit(data[9]);
        Optional<LocalDateTime> clock = clock(data, 10);
        return new CurrentFlowData(current, currentUnit, settlement, settlementUnit, clock, data[17] & 0xFF,
                data[18] & 0xFF);
    }

    /** The 19 data bytes, as a meter would send them. */
    public byte[] encode() {
        byte[] out = new byte[LENGTH];
        System.arraycopy(Bcd.encodeLowFirst(hundredths(currentTotal), 4), 0, out, 0, 4);
        out[4] = (byte) currentUnit.code();
        System.arraycopy(Bcd.encodeLowFirst(hundredths(settlementTotal), 4), 0, out, 5, 4);
        out[9] = (byte) settlementUnit.code();
        LocalDateTime t = meterClock.orElse(null);
        if (t != null) {
            out[10] = (byte) Bcd.encodeByte(t.getSecond());
            out[11] = (byte) Bcd.encodeByte(t.getMinute());
            out[12] = (byte) Bcd.encodeByte(t.getHour());
            out[13] = (byte) Bcd.encodeByte(t.getDayOfMonth());
            out[14] = (byte) Bcd.encodeByte(t.getMonthValue());
            out[15] = (byte) Bcd.encodeByte(t.getYear() % 100);
            out[16] = (byte) Bcd.encodeByte(t.getYear() / 100);
        }
        out[17] = (byte) status0;
        out[18] = (byte) status1;
        return out;
    }

    private static long hundredths(BigDecimal value) {
        return value.movePointRight(2).longValueExact();
    }

    private static Cjt188Unit unit(byte code) throws DecodeException {
        return Cjt188Unit.fromCode(code & 0xFF).orElseThrow(() -> new DecodeException(DecodeFailure.UNKNOWN_CODE,
                String.format("unknown CJ/T 188 unit code %02X", code & 0xFF)));
    }

    private static Optional<LocalDateTime> clock(byte[] d, int off) throws DecodeException {
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
    }
}
