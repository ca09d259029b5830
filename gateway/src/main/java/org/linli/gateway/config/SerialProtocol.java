package org.linli.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a serial device speaks ({@code devices[].protocol}); also the folder of its profiles (profiles/cjt188/...). */
public enum SerialProtocol implements ConfigEnums.Written {
    /** CJ/T 188 water, gas and heat meters. */
    CJT188("cjt188"),
    /** Modbus RTU devices described by a register map profile. */
    MODBUS("modbus");

    private final String id;

    SerialProtocol(String id) {
        this.id = id;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** The protocol written {@code id}; an unknown one is refused naming the allowed ids. */
    @JsonCreator
    public static SerialProtocol fromId(String id) {
        return ConfigEnums.byId(SerialProtocol.class, id, "protocol");
    }
}
