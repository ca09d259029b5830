package org.linli.drivers.serial.cjt188;

import java.math.BigDecimal;
import java.util.Objects;

/** A value as a meter sent it, with the unit code that followed it. */
public record MeterValue(BigDecimal value, Cjt188Unit unit) {
    public MeterValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
    }

    public static MeterValue of(String value, Cjt188Unit unit) {
        return new MeterValue(new BigDecimal(value), unit);
    }

    /** In the base unit of its kind: kWh, kW, m³/h or m³. */
    public double inBaseUnit() {
        return unit.toBase(value.doubleValue());
    }
}
