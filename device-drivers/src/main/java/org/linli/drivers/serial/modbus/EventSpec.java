package org.linli.drivers.serial.modbus;

import org.linli.drivers.model.EventType;

/** What a register value or bit means: an event with a detail, or {@code type == null} for "nothing to report". */
public record EventSpec(EventType type, String detail) {
    public static final EventSpec NONE = new EventSpec(null, "");

    public EventSpec {
        detail = detail == null ? "" : detail;
    }

    public boolean isNone() {
        return type == null;
    }
}
