package org.linli.drivers.serial.cjt188;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;

/**
 * The data of a 901F reply from a heat meter (type 20 heating, 21 cooling), CJ/T 188-2004, after DI and SER:
 * <pre>
 * offset len  field
 *  0     4+1  settlement-day heat     XXXXXX.XX + energy unit
 *  5     4+1  current heat            XXXXXX.XX + energy unit
 * 10     4+1  heat power              XXXXXX.XX + power unit
 * 15     4+1  flow rate               XXXX.XXXX + flow unit
 * 20     4+1  cumulative flow         XXXXXX.XX + volume unit
 * 25     3    supply temperature      XXXX.XX °C
 * 28     3    return temperature      XXXX.XX °C
 * 31     3    cumulative working time XXXXXX h
 * 34     7    meter clock             ss mm hh DD MM YY YY
 * 41     2    ST0 (standard) ST1 (vendor)
 * </pre>
 * 43 bytes, so L = 2E. Every number is BCD, lowest byte first. A unit of the wrong kind (m³ where an energy unit
 * belongs) is UNKNOWN_CODE: reading such a value would store it under the wrong meaning. {@code meterClock} is
 * empty for a valid BCD that is not a date, as in {@link CurrentFlowData}.
 */
public record HeatMeterData(MeterValue settlementHeat, MeterValue currentHeat, MeterValue heatPower,
                            MeterValue flowRate, MeterValue cumulativeFlow, BigDecimal supplyTemperature,
                            BigDecimal returnTemperature, long workingHours, Optional<LocalDateTime> meterClock,
                            int status0, int status1) {
    public static final int LENGTH = 43;

    public HeatMeterData {
        Objects.requireNonNull(settlementHeat, "settlementHeat");
        Objects.requireNonNull(currentHeat, "currentHeat");
        Objects.requireNonNull(heatPower, "heatPower");
        Objects.requireNonNull(flowRate, "flowRate");
        Objects.requireNonNull(cumulativeFlow, "cumulativeFlow");
        Objects.requireNonNull(supplyTemperature, "supplyTemperature");
        Objects.requireNonNull(returnTemperature, "returnTemperature");
        Objects.requireNonNull(meterClock, "meterClock");
    }

    /** Parses the data field of a heat meter's 901F reply frame. */
    public static HeatMeterData parse(byte[] d) throws DecodeException {
        if (d.length != LENGTH) {
            throw new DecodeException(DecodeFailure.BAD_LENGTH,
                    "901F heat meter data is " + LENGTH + " bytes, got " + d.length);
        }
        return new HeatMeterData(
                value(d, 0, 2, Cjt188Unit.Kind.ENERGY, "settlement-day heat"),
                value(d, 5, 2, Cjt188Unit.Kind.ENERGY, "current heat"),
                value(d, 10, 2, Cjt188Unit.Kind.POWER, "heat power"),
                value(d, 15, 4, Cjt188Unit.Kind.FLOW, "flow rate"),
                value(d, 20, 2, Cjt188Unit.Kind.VOLUME, "cumulative flow"),
                Cjt188Fields.decimal(d, 25, 3, 2, "supply temperature"),
                Cjt188Fields.decimal(d, 28, 3, 2, "return temperature"),
                Cjt188Fields.decimal(d, 31, 3, 0, "working time").longValueExact(),
                Cjt188Fields.clock(d, 34),
                d[41] & 0xFF, d[42] & 0xFF);
    }

    /** The 43 data bytes, as a meter would send them. */
    public byte[] encode() {
        byte[] out = new byte[LENGTH];
        write(settlementHeat, 2, out, 0);
        write(currentHeat, 2, out, 5);
        write(heatPower, 2, out, 10);
        write(flowRate, 4, out, 15);
        write(cumulativeFlow, 2, out, 20);
        Cjt188Fields.writeDecimal(supplyTemperature, 2, out, 25, 3);
        Cjt188Fields.writeDecimal(returnTemperature, 2, out, 28, 3);
        Cjt188Fields.writeDecimal(BigDecimal.valueOf(workingHours), 0, out, 31, 3);
        Cjt188Fields.writeClock(meterClock, out, 34);
        out[41] = (byte) status0;
        out[42] = (byte) status1;
        return out;
    }

    private static MeterValue value(byte[] d, int off, int scale, Cjt188Unit.Kind kind, String field)
            throws DecodeException {
        return new MeterValue(Cjt188Fields.decimal(d, off, 4, scale, field), Cjt188Fields.unit(d[off + 4], kind, field));
    }

    private static void write(MeterValue v, int scale, byte[] out, int off) {
        Cjt188Fields.writeDecimal(v.value(), scale, out, off, 4);
        out[off + 4] = (byte) v.unit().code();
    }
}
