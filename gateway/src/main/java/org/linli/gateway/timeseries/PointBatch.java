package org.linli.gateway.timeseries;

import java.util.List;
import java.util.Objects;

/**
 * Line-protocol points of one message, already sorted into their {@link Lane}s by the code that made them, so a sink
 * never has to guess a point's class from its text. Immutable.
 */
public record PointBatch(List<String> telemetry, List<String> events) {

    public PointBatch {
        telemetry = List.copyOf(Objects.requireNonNull(telemetry));
        events = List.copyOf(Objects.requireNonNull(events));
    }

    /** Readings only. */
    public static PointBatch telemetry(List<String> lines) {
        return new PointBatch(lines, List.of());
    }

    public List<String> lines(Lane lane) {
        return switch (lane) {
            case EVENTS -> events;
            case TELEMETRY -> telemetry;
        };
    }

    public int size() {
        return telemetry.size() + events.size();
    }
}
