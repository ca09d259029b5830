package org.linli.gateway.notify;

import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertState;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which alert versions reach people (FIELD-NOTES §5: a flapping sensor must not send hundreds of messages): a new
 * alert always; an escalation (not accepted in time, gone up a level) always, once per level; a repeat of an open
 * alert only when nothing was sent about it for {@code quiet}; other versions (evidence added, device cleared,
 * accepted) not.
 */
final class RepeatPolicy {
    private static final int MAX_TRACKED = 10_000;

    private final Duration quiet;
    /** Per alert, the escalation level people were last told about. */
    private final Map<String, Integer> escalationsTold = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_TRACKED;
        }
    };
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
        escalationsTold.put(a.id(), a.escalationLevel());
    }

    /** Whether to notify about this version; remembers the time if so. */
    boolean shouldNotify(Alert a, boolean isNew) {
        if (isNew) {
            lastNotified.put(a.id(), a.lastSeenAt());
            return true;
        }
        if (a.state().awaitingAcceptance() && a.escalationLevel() > escalationsTold.getOrDefault(a.id(), 0)) {
            // nobody accepted it in time and it went up a level: the people in the group must know who has it now
            escalationsTold.put(a.id(), a.escalationLevel());
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
