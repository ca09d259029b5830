package org.linli.gateway.camera;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.config.TimeWindowConfig;
import org.linli.gateway.site.Location;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Motion windows in local time and which places a camera covers. */
class CameraRulesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    @DisplayName("a 22:00-06:00 Shanghai window contains 23:30 and 05:59 local, not 06:00 or noon; UTC instants are converted")
    void windowsOverMidnight() {
        // GIVEN a night window in Shanghai time (UTC+8)
        MotionWindows w = new MotionWindows(List.of(new TimeWindowConfig("22:00", "06:00")), SHANGHAI);
        // THEN 23:30 local = 15:30Z is inside, 05:59 local = 21:59Z inside, 06:00 local = 22:00Z outside, noon outside
        assertTrue(w.contains(Instant.parse("2026-03-01T15:30:00Z")));
        assertTrue(w.contains(Instant.parse("2026-03-01T21:59:00Z")));
        assertFalse(w.contains(Instant.parse("2026-03-01T22:00:00Z")));
        assertFalse(w.contains(Instant.parse("2026-03-01T04:00:00Z")));
        // and no windows means motion never alerts
        assertFalse(new MotionWindows(List.of(), SHANGHAI).contains(Instant.parse("2026-03-01T15:30:00Z")));
    }

    @Test
    @DisplayName("a camera on building 7 or unit 7-1 covers household 7-1-301; one on 7-2 or area 7:gate does not; an area covers only itself")
    void coverage() {
        // GIVEN a flat in unit 7-1 THEN building and unit cameras cover it, others do not
        Location flat = Location.parse("7-1-301");
        assertTrue(Coverage.covers(List.of(Location.parse("7")), flat));
        assertTrue(Coverage.covers(List.of(Location.parse("7-1")), flat));
        assertFalse(Coverage.covers(List.of(Location.parse("7-2")), flat));
        assertFalse(Coverage.covers(List.of(Location.parse("7:gate")), flat));
        assertFalse(Coverage.covers(List.of(Location.parse("3")), flat));
        assertTrue(Coverage.covers(List.of(Location.parse("7:gate")), Location.parse("7:gate")));
        assertTrue(Coverage.covers(List.of(Location.parse("7")), Location.parse("7:gate")));
        assertFalse(Coverage.covers(List.of(Location.parse("7")), null));
    }
}
