package org.linli.gateway.rules;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The meter history's arithmetic, on its ring buffers: the water rules read only through it. */
class WaterHistoryTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static Instant at(Duration d) {
        return T0.plus(d);
    }

    @Test
    @DisplayName("two days of readings every 10 minutes: the window keeps its 24 h baseline through the ring's wraps and growth")
    void rollingDayThroughWrapsAndGrowth() {
        WaterHistory h = new WaterHistory();
        for (int i = 0; i <= 288; i++) {                      // 48 h, 0.01 m³ every 10 minutes
            h.add(at(Duration.ofMinutes(10L * i)), 0.01 * i);
        }
        Instant last = at(Duration.ofHours(48));
        assertEquals(1.44, h.usedAtLeastSince(last.minus(Duration.ofHours(24))), 1e-9, "144 steps of 0.01 in the last day");
        assertEquals(Optional.of(0.06), h.usedSince(last.minus(Duration.ofHours(1))).map(v -> Math.round(v * 1e9) / 1e9));
        assertTrue(h.usedSince(last.minus(Duration.ofHours(25))).isEmpty(), "nothing kept from before the 24 h baseline");
        assertEquals(Optional.of(last), h.lastAt());

        for (int i = 1; i <= 720; i++) {                      // then a day every 2 minutes: the ring grows while wrapped
            h.add(last.plus(Duration.ofMinutes(2L * i)), 2.88 + 0.001 * i);
            if (i == 300) {                                   // 385 samples in the window: grown once while wrapped
                Instant now = last.plus(Duration.ofMinutes(600));
                assertEquals(0.84 + 0.3, h.usedAtLeastSince(now.minus(Duration.ofHours(24))), 1e-9);
                assertEquals(0.03, h.usedSince(now.minus(Duration.ofHours(1))).orElseThrow(), 1e-9);
            }
        }
        Instant end = last.plus(Duration.ofHours(24));
        assertEquals(0.72, h.usedAtLeastSince(end.minus(Duration.ofHours(24))), 1e-9);
        assertEquals(0.03, h.usedSince(end.minus(Duration.ofHours(1))).orElseThrow(), 1e-9);
        assertTrue(h.usedSince(end.minus(Duration.ofHours(24)).minusMillis(1)).isEmpty(), "the baseline is the oldest kept");
    }

    @Test
    @DisplayName("each slot holds the water of the intervals ending in it; gaps over 30 minutes count towards none")
    void slotsOnlyFromCloseReadings() {
        WaterHistory h = new WaterHistory();
        h.add(at(Duration.ZERO), 10.0);
        h.add(at(Duration.ofMinutes(20)), 10.2);              // slot 0
        h.add(at(Duration.ofMinutes(30)), 10.3);              // ends exactly at 30 min: still slot 0
        h.add(at(Duration.ofMinutes(40)), 10.5);              // slot 1
        h.add(at(Duration.ofMinutes(120)), 11.0);             // 80 minutes later: no slot
        long s0 = WaterHistory.slotOf(T0);
        assertEquals(0.3, h.slotUse(s0), 1e-9);
        assertEquals(0.2, h.slotUse(s0 + 1), 1e-9);
        assertEquals(0.0, h.slotUse(s0 + 3), 1e-9);
        assertEquals(1.0, h.usedAtLeastSince(T0), 1e-9);
    }

    @Test
    @DisplayName("a slot 64 or more back is forgotten, the 48 before the current one are kept")
    void slotRingForgetsOnlyOldSlots() {
        WaterHistory h = new WaterHistory();
        double total = 0;
        int last = 70 * 3 + 1;                                // 70 slots of readings every 10 minutes, one into the 71st
        for (int i = 0; i <= last; i++) {
            total += 0.01;
            h.add(at(Duration.ofMinutes(10L * i)), total);
        }
        long current = WaterHistory.slotOf(at(Duration.ofMinutes(10L * last)));
        assertEquals(0.01, h.slotUse(current), 1e-9);
        for (long s = current - 48; s < current; s++) {
            assertEquals(0.03, h.slotUse(s), 1e-9, "slot " + (s - current));
        }
        assertEquals(0.0, h.slotUse(current - 64), "the ring's slot now holds the current one");
        assertEquals(0.0, h.slotUse(current - 65));
    }

    @Test
    @DisplayName("a total that goes down starts afresh; a reading not after the last changes nothing")
    void resetAndReplay() {
        WaterHistory h = new WaterHistory();
        h.add(at(Duration.ZERO), 50.0);
        h.add(at(Duration.ofMinutes(10)), 50.5);
        h.add(at(Duration.ofMinutes(5)), 99.0);               // out of order: ignored
        h.add(at(Duration.ofMinutes(10)), 99.0);              // same instant: ignored
        assertEquals(0.5, h.usedAtLeastSince(T0), 1e-9);
        h.add(at(Duration.ofMinutes(20)), 1.0);               // meter replaced
        long s0 = WaterHistory.slotOf(T0);
        assertEquals(0.0, h.slotUse(s0), "the old meter's slots are gone");
        assertEquals(0.0, h.usedAtLeastSince(T0));
        assertTrue(h.usedSince(T0).isEmpty(), "no sample of the new meter is that old");
        h.add(at(Duration.ofMinutes(30)), 1.25);
        assertEquals(0.25, h.slotUse(s0), 1e-9);
    }
}
