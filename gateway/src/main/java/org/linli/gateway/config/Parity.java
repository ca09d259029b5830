package org.linli.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The parity of an RS-485 line ({@code serial.buses[].parity}); {@code none} when not written. */
public enum Parity implements ConfigEnums.Written {
    NONE("none"),
    EVEN("even"),
    ODD("odd");

    private final String id;

    Parity(String id) {
        this.id = id;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** The parity written {@code id} (any case); an unknown one is refused naming the allowed ids. */
    @JsonCreator
    public static Parity fromId(String id) {
        return ConfigEnums.byId(Parity.class, id == null ? null : id.toLowerCase(java.util.Locale.ROOT), "parity");
    }
}
