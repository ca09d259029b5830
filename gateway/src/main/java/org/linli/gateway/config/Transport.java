package org.linli.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a device's data reaches the gateway ({@code devices[].transport}); {@code mqtt} when not written. */
public enum Transport implements ConfigEnums.Written {
    MQTT("mqtt"),
    SERIAL("serial"),
    ONVIF("onvif");

    private final String id;

    Transport(String id) {
        this.id = id;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** The transport written {@code id}; an unknown one is refused naming the allowed ids. */
    @JsonCreator
    public static Transport fromId(String id) {
        return ConfigEnums.byId(Transport.class, id, "transport");
    }
}
