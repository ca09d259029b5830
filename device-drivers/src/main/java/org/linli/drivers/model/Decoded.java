package org.linli.drivers.model;

import java.util.List;

/** What one message or frame decoded into. Either list may be empty (a heartbeat carries one event, no readings). */
public record Decoded(List<Reading> readings, List<DeviceEvent> events) {
    public Decoded {
        readings = List.copyOf(readings);
        events = List.copyOf(events);
    }

    public static Decoded of(List<Reading> readings, List<DeviceEvent> events) {
        return new Decoded(readings, events);
    }

    public boolean isEmpty() {
        return readings.isEmpty() && events.isEmpty();
    }
}
