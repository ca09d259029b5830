package org.linli.drivers.serial.cjt188;

import java.util.Optional;

/**
 * Unit codes that follow a value in CJ/T 188 data (table of the 2004 edition). Water and gas meters send
 * 0x2C (m³), some small meters 0x29 (L); heat meters send energy (kWh, MWh, MJ, GJ), power and flow units.
 * {@link #toBase(double)} converts to the units our Quantities use: m³, m³/h, kWh, kW (1 kWh = 3.6 MJ).
 */
public enum Cjt188Unit {
    WH(0x02, "Wh", Kind.ENERGY, 0.001),
    KWH(0x05, "kWh", Kind.ENERGY, 1),
    MWH(0x08, "MWh", Kind.ENERGY, 1_000),
    MWH_X100(0x0A, "MWh×100", Kind.ENERGY, 100_000),
    J(0x01, "J", Kind.ENERGY, 1 / 3_600_000.0),
    KJ(0x0B, "kJ", Kind.ENERGY, 1 / 3_600.0),
    MJ(0x0E, "MJ", Kind.ENERGY, 1 / 3.6),
    GJ(0x11, "GJ", Kind.ENERGY, 1_000 / 3.6),
    GJ_X100(0x13, "GJ×100", Kind.ENERGY, 100_000 / 3.6),
    W(0x14, "W", Kind.POWER, 0.001),
    KW(0x17, "kW", Kind.POWER, 1),
    MW(0x1A, "MW", Kind.POWER, 1_000),
    LITRE(0x29, "L", Kind.VOLUME, 0.001),
    CUBIC_METRE(0x2C, "m³", Kind.VOLUME, 1),
    LITRE_PER_HOUR(0x32, "L/h", Kind.FLOW, 0.001),
    CUBIC_METRE_PER_HOUR(0x35, "m³/h", Kind.FLOW, 1);

    /** What a unit measures; only same-kind conversions make sense. */
    public enum Kind { VOLUME, FLOW, ENERGY, POWER }

    private final int code;
    private final String symbol;
    private final Kind kind;
    /** Factor to the base unit of the kind: m³, m³/h, kWh, kW. */
    private final double toBase;

    Cjt188Unit(int code, String symbol, Kind kind, double toBase) {
        this.code = code;
        this.symbol = symbol;
        this.kind = kind;
        this.toBase = toBase;
    }

    public int code() {
        return code;
    }

    public String symbol() {
        return symbol;
    }

    public Kind kind() {
        return kind;
    }

    /** A value in this unit converted to the base unit of its kind (m³, m³/h, kWh or kW). */
    public double toBase(double value) {
        return value * toBase;
    }

    public static Optional<Cjt188Unit> fromCode(int code) {
        for (Cjt188Unit u : values()) {
            if (u.code == code) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
