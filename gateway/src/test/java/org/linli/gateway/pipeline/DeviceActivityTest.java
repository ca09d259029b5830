package org.linli.gateway.pipeline;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The last-seen bookkeeping: newest time per device, and what changed between two batches for the file. */
class DeviceActivityTest {
    private static final Instant T0 = Instant.parse("2026-12-06T01:00:00Z");

    @Test
    @DisplayName("each batch holds the devices heard from since the last one, with their newest time, each once")
    void batchesHoldOnlyWhatChanged() {
        DeviceActivity a = new DeviceActivity();
        a.seen("gas-1", T0);
        a.seen("gas-1", T0.plusSeconds(60));
        a.seen("water-1", T0);
        assertEquals(Map.of("gas-1", T0.plusSeconds(60), "water-1", T0), a.takeChanged());

        a.seen("water-1", T0.minusSeconds(5));                // older than known: not a change
        a.seen("gas-1", T0.plusSeconds(120));
        a.seen("gas-1", T0.plusSeconds(180));
        assertEquals(Map.of("gas-1", T0.plusSeconds(180)), a.takeChanged());
        assertEquals(Map.of(), a.takeChanged());
        assertEquals(Optional.of(T0), a.lastSeen("water-1"));
        assertEquals(2, a.heardFrom());
    }

    @Test
    @DisplayName("restored times are not changes; a report older than a restored time changes nothing, a newer one does")
    void restoredTimesAreKeptButNotRewritten() {
        DeviceActivity a = new DeviceActivity();
        a.seen("smoke-1", T0.plusSeconds(300));               // heard before the file was read
        a.restore(Map.of("gas-1", T0, "smoke-1", T0));
        assertEquals(Optional.of(T0.plusSeconds(300)), a.lastSeen("smoke-1"), "the newer time heard is kept");
        assertEquals(Map.of("smoke-1", T0.plusSeconds(300)), a.takeChanged(), "restored entries are not written back");

        a.seen("gas-1", T0.minusSeconds(1));
        assertEquals(Map.of(), a.takeChanged());
        a.seen("gas-1", T0.plusSeconds(1));
        assertEquals(Map.of("gas-1", T0.plusSeconds(1)), a.takeChanged());
        assertEquals(Optional.empty(), a.lastSeen("water-9"));
    }
}
