package org.linli.drivers.serial.cjt188;

import java.util.Optional;

/** The CJ/T 188 meter type byte T. Requests carry it; replies echo it. */
public enum MeterType {
    COLD_WATER(0x10),
    HOT_WATER(0x11),
    DRINKING_WATER(0x12),
    RECLAIMED_WATER(0x13),
    HEAT_HEATING(0x20),
    HEAT_COOLING(0x21),
    GAS(0x30),
    ELECTRICITY(0x40);

    private final int code;

    MeterType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isWater() {
        return code >= 0x10 && code <= 0x19;
    }

    public boolean isHeat() {
        return this == HEAT_HEATING || this == HEAT_COOLING;
    }

    /** Empty for a type byte this table does not know (vendors use 0x14..0x19 and others). */
    public static Optional<MeterType> fromCode(int code) {
        for (MeterType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
