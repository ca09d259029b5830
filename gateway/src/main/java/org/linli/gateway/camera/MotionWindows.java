package org.linli.gateway.camera;

import org.linli.gateway.config.TimeWindowConfig;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The daily local-time windows in which motion seen by a camera is alarming ("22:00"–"06:00" runs over midnight).
 * A window is [from, to): motion at exactly "06:00" is outside "22:00"–"06:00". No windows: motion never alerts.
 */
public final class MotionWindows {
    private record Window(LocalTime from, LocalTime to) {
        boolean contains(LocalTime t) {
            if (from.equals(to)) {
                return true; // "00:00"–"00:00": all day
            }
            return from.isBefore(to)
                    ? !t.isBefore(from) && t.isBefore(to)
                    : !t.isBefore(from) || t.isBefore(to);
        }
    }

    private final List<Window> windows;
    private final ZoneId zone;

    public MotionWindows(List<TimeWindowConfig> config, ZoneId zone) {
        this.windows = config.stream()
                .map(w -> new Window(LocalTime.parse(w.from().trim()), LocalTime.parse(w.to().trim()))).toList();
        this.zone = zone;
    }

    public boolean contains(Instant at) {
        LocalTime local = at.atZone(zone).toLocalTime();
        return windows.stream().anyMatch(w -> w.contains(local));
    }
}
