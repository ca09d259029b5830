package org.linli.drivers.serial.cjt188;

import java.util.Locale;
import org.linli.drivers.model.EventType;

/** What a meter's status bits can say; where each sits is vendor data (a {@link StatusProfile}). */
public enum StatusFlag {
    VALVE_CLOSED(EventType.VALVE_SHUT),
    VALVE_FAULT(EventType.VALVE_FAULT),
    LOW_BATTERY(EventType.LOW_BATTERY),
    MAGNETIC_TAMPER(EventType.TAMPER),
    REVERSE_FLOW(EventType.REVERSE_FLOW);

    private final EventType event;

    StatusFlag(EventType event) {
        this.event = event;
    }

    /** The event raised while the flag is set. */
    public EventType event() {
        return event;
    }

    /** The key used in profile files, e.g. {@code valve_closed}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StatusFlag fromId(String id) {
        for (StatusFlag f : values()) {
            if (f.id().equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown status flag '" + id + "' (expected one of "
                + java.util.Arrays.stream(values()).map(StatusFlag::id).toList() + ")");
    }
}
