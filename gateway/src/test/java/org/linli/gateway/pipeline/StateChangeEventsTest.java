package org.linli.gateway.pipeline;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StateChangeEventsTest {
    private static final Instant T0 = Instant.parse("2026-12-05T02:00:00Z");
    private final StateChangeEvents states = new StateChangeEvents();

    private static DeviceEvent at(EventType type, int second) {
        return new DeviceEvent("gas-1", type, T0.plusSeconds(second));
    }

    /** Offers each event as its own message, in arrival order; returns what was let through, as "type@second". */
    private List<String> arriving(DeviceEvent... events) {
        List<String> out = new ArrayList<>();
        for (DeviceEvent e : events) {
            for (DeviceEvent w : states.toWrite(e.deviceId(), List.of(e))) {
                out.add(w.type().id() + "@" + (w.time().getEpochSecond() - T0.getEpochSecond()));
            }
        }
        return out;
    }

    @Test
    @DisplayName("routine reports repeating 'cleared' write it once; each change of state is written")
    void repeatsDropped() {
        // GIVEN reports every 10 s: cleared, cleared, cleared, alarm, alarm, cleared, cleared
        // WHEN they arrive in order
        List<String> written = arriving(at(EventType.ALARM_CLEARED, 0), at(EventType.ALARM_CLEARED, 10),
                at(EventType.ALARM_CLEARED, 20), at(EventType.ALARM, 30), at(EventType.ALARM, 40),
                at(EventType.ALARM_CLEARED, 50), at(EventType.ALARM_CLEARED, 60));
        // THEN the first (state unknown) and the two changes are written
        assertEquals(List.of("alarm_cleared@0", "alarm@30", "alarm_cleared@50"), written);
    }

    @Test
    @DisplayName("events reordered across a reconnect (the next alarm before the clear) still write every change")
    void reorderedChangesKept() {
        // GIVEN alarm, clear, alarm, clear at 0, 10, 20, 30 s
        // WHEN the clear at 10 s is redelivered after the alarm at 20 s, and the alarm at 0 s is redelivered too
        List<String> written = arriving(at(EventType.ALARM, 0), at(EventType.ALARM, 20), at(EventType.ALARM, 0),
                at(EventType.ALARM_CLEARED, 10), at(EventType.ALARM_CLEARED, 30));
        // THEN all four changes are written, none twice
        assertEquals(List.of("alarm@0", "alarm_cleared@10", "alarm@20", "alarm_cleared@30"), written);
    }

    @Test
    @DisplayName("alarm and fault are separate states, and events outside the pairs always pass")
    void pairsIndependent() {
        // GIVEN a device that is cleared, then reports a fault, heartbeats and cleared again
        // WHEN they arrive
        List<String> written = arriving(at(EventType.ALARM_CLEARED, 0), at(EventType.FAULT, 5), at(EventType.HEARTBEAT, 6),
                at(EventType.HEARTBEAT, 7), at(EventType.ALARM_CLEARED, 10), at(EventType.FAULT, 15));
        // THEN the fault does not count as a change of the alarm state, and every heartbeat is written
        assertEquals(List.of("alarm_cleared@0", "fault@5", "heartbeat@6", "heartbeat@7"), written);
    }
}
