package org.linli.drivers.serial.cjt188;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;

/**
 * The data of a 901F reply from a water or gas meter (after DI and SER, 19 bytes): current total (4 bytes BCD,
 * 2 decimals, low byte first) + unit, settlement-day total + unit, the meter clock (7 bytes BCD
 * {@code ss mm hh DD MM YY YY}, year low byte first), and status bytes ST0 (standard) and ST1 (vendor).
 * Heat meters use a longer, different layout: {@link HeatMeterData}.
 *
 * <p>{@code meterClock} is empty when the BCD is valid but is not a date (an unset meter clock sends zeros);
 * we do not reject the reading for that, and readings are stamped with the poll time anyway.
 */
public record CurrentFlowData(BigDecimal currentTotal, Cjt188Unit currentUnit, BigDecimal settlementTotal,
                              Cjt188Unit settlementUnit, Optional<LocalDateTime> meterClock, int status0,
                              int status1) {
    public static final int LENGTH = 19;

    /** Parses the data field of a 901F reply frame. */
    public static CurrentFlowData parse(byte[] data) throws DecodeException {
        if (data.length != LENGTH) {
            throw new DecodeException(DecodeFailure.BAD_LENGTH,
                    "901F water/gas data is " + LENGTH + " bytes, got " + data.length);
        }
        BigDecimal current = Cjt188Fields.decimal(data, 0, 4, 2, "current total");
        Cjt188Unit currentUnit = Cjt188Fields.unit(data[4], null, "current total");
        BigDecimal settlement = Cjt188Fields.decimal(data, 5, 4, 2, "settlement-day total");
        Cjt188Unit settlementUnit = Cjt188Fields.unit(data[9], null, "settlement-day total");
        Optional<LocalDateTime> clock = Cjt188Fields.clock(data, 10);
        return new CurrentFlowData(current, currentUnit, settlement, settlementUnit, clock, data[17] & 0xFF,
                data[18] & 0xFF);
    }

    /** The 19 data bytes, as a meter would send them. */
    public byte[] encode() {
        byte[] out = new byte[LENGTH];
        Cjt188Fields.writeDecimal(currentTotal, 2, out, 0, 4);
        out[4] = (byte) currentUnit.code();
        Cjt188Fields.writeDecimal(settlementTotal, 2, out, 5, 4);
        out[9] = (byte) settlementUnit.code();
        Cjt188Fields.writeClock(meterClock, out, 10);
        out[17] = (byte) status0;
        out[18] = (byte) status1;
        return out;
    }
}
