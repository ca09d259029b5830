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
 * fault_cleared, motion / motion_cleared) is written only when it changes the device's state. Several vendors repeat
 * the alarm state in every routine report ({@code /st: 0} → alarm_cleared, every 30 minutes); without this the
 * {@code device_event} measurement would hold one alarm_cleared per report. The first state event a device reports
 * after a start is written (the state was unknown). Events outside the pairs (heartbeat, tamper, low_battery, ...)
 * always pass. docs/SCHEMA.md, "Events written on a change of state".
 * <p>
 * Order is by the events' own time, not arrival: QoS 1 does not keep order across a reconnect, so an alarm_cleared
 * may arrive after the next alarm. A repeat is held back (the latest one per pair); when an event arrives that is
 * older than it and changes the state, both are written. An event older than the last one written is written as it
 * comes (history the series may lack; a redelivered duplicate lands on the same series and time, an overwrite).
 * <p>
 * Memory: two events per pair per device that reported a state event; only configured devices reach the pipeline,
 * so it is bounded by the site file's devices. Runs on the event loop, as the {@link Pipeline} does.
 */
final class StateChangeEvents {
    /** The state each pair of events sets. */
    private enum Dimension { ALARM, FAULT, MOTION }

    /** One pair's state of one device: the last event written, and the latest repeat held back since. */
    private static final class Track {
        DeviceEvent written;
        DeviceEvent heldBack;
    }

    private final Map<String, EnumMap<Dimension, Track>> tracks = new HashMap<>();

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
            Track t = tracks.computeIfAbsent(deviceId, id -> new EnumMap<>(Dimension.class))
                    .computeIfAbsent(d, x -> new Track());
            if (t.written == null || e.time().isBefore(t.written.time())) {
                out.add(e);                                   // unknown state, or late history
                if (t.written == null) {
                    t.written = e;
                }
            } else if (e.type() == t.written.type()) {
                if (t.heldBack == null || !e.time().isBefore(t.heldBack.time())) {
                    t.heldBack = e;                           // a repeat: not a change (yet)
                }
            } else {
                out.add(e);
                t.written = e;
                if (t.heldBack != null && t.heldBack.time().isAfter(e.time())) {
                    out.add(t.heldBack);                      // the repeat came first but happened after: a change
                    t.written = t.heldBack;
                }
                t.heldBack = null;
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
