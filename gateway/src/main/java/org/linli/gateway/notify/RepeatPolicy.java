package org.linli.gateway.notify;

import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertState;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which alert versions reach people (FIELD-NOTES §5: a flapping sensor must not send hundreds of messages): a new
 * alert always; a repeat of an open alert only when nothing was sent about it for {@code quiet}; other versions
 * (evidence added, device cleared) not yet. Escalation and lifecycle changes will add their own triggers here.
 */
final class RepeatPolicy {
    private static final int MAX_TRACKED = 10_000;

    private final Duration quiet;
    private final Map<String, Instant> lastNotified = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    RepeatPolicy(Duration quiet) {
        this.quiet = quiet;
    }

    /** Remembers that people were told about {@code a} at {@code at} (a reminder sent outside this policy). */
    void notified(Alert a, Instant at) {
        lastNotified.put(a.id(), at);
    }

    /** Whether to notify about this version; remembers the time if so. */
    boolean shouldNotify(Alert a, boolean isNew) {
        if (isNew) {
            lastNotified.put(a.id(), a.lastSeenAt());
            return true;
        }
        Instant last = lastNotified.get(a.id());
        if (a.state() != AlertState.OPEN || a.count() < 2 || last == null) {
            return false;
        }
        if (Duration.between(last, a.lastSeenAt()).compareTo(quiet) < 0) {
            return false;
        }
        lastNotified.put(a.id(), a.lastSeenAt());
        return true;
    }
}
