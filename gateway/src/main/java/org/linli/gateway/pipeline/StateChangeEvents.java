package org.linli.gateway.pipeline;

import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which state events go to the time series: an event of a state pair (alarm / alarm_cleared, fault /
 * fault_cleared, motion / motion_cleared) is written only when it changes the device's last written state. Several
 * vendors repeat the alarm state in every routine report ({@code /st: 0} → alarm_cleared, every 30 minutes); without
 * this the {@code device_event} measurement would hold one alarm_cleared per report. The first state event a device
 * reports after a start is written (the state was unknown). Events outside the pairs (heartbeat, tamper,
 * low_battery, ...) always pass. docs/SCHEMA.md, "Events written on a change of state".
 * <p>
 * Memory: one small map per device that reported a state event; only configured devices reach the pipeline, so it
 * holds at most one entry per device of the site file. Runs on the event loop, as the {@link Pipeline} does.
 */
final class StateChangeEvents {
    /** The state each pair of events sets. */
    private enum Dimension { ALARM, FAULT, MOTION }

    private final Map<String, EnumMap<Dimension, EventType>> lastWritten = new HashMap<>();

    /** The events of one message that are to be written, in their order; remembers the state they leave. */
    List<DeviceEvent> toWrite(String deviceId, List<DeviceEvent> events) {
        if (events.isEmpty()) {
            return events;
        }
        List<DeviceEvent> out = new ArrayList<>(events.size());
        for (DeviceEvent e : events) {
            Dimension d = dimension(e.type());
            if (d == null) {
                out.add(e);
                continue;
            }
            EnumMap<Dimension, EventType> states = lastWritten.computeIfAbsent(deviceId, id -> new EnumMap<>(Dimension.class));
            if (states.put(d, e.type()) != e.type()) {
                out.add(e);
            }
        }
        return out;
    }

    private static Dimension dimension(EventType type) {
        return switch (type) {
            case ALARM, ALARM_CLEARED -> Dimension.ALARM;
            case FAULT, FAULT_CLEARED -> Dimension.FAULT;
            case MOTION, MOTION_CLEARED -> Dimension.MOTION;
            default -> null;
        };
    }
}
