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
    /** Per alert, what people were last told: when (null: not yet by this policy) and up to which escalation level. */
    private record Told(Instant at, int escalationLevel) {
    }

    private final Map<String, Told> told = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Told> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    RepeatPolicy(Duration quiet) {
        this.quiet = quiet;
    }

    /** Remembers that people were told about {@code a} at {@code at} (a reminder sent outside this policy). */
    void notified(Alert a, Instant at) {
        told.put(a.id(), new Told(at, a.escalationLevel()));
    }

    /** Whether to notify about this version; remembers the time if so. */
    boolean shouldNotify(Alert a, boolean isNew) {
        if (isNew) {
            told.put(a.id(), new Told(a.lastSeenAt(), a.escalationLevel()));
            return true;
        }
        Told before = told.get(a.id());
        Instant last = before == null ? null : before.at();
        if (a.state().awaitingAcceptance() && a.escalationLevel() > (before == null ? 0 : before.escalationLevel())) {
            // nobody accepted it in time and it went up a level: the people in the group must know who has it now
            told.put(a.id(), new Told(last, a.escalationLevel()));
            return true;
        }
        if (a.state() != AlertState.OPEN || a.count() < 2 || last == null) {
            return false;
        }
        if (Duration.between(last, a.lastSeenAt()).compareTo(quiet) < 0) {
            return false;
        }
        told.put(a.id(), new Told(a.lastSeenAt(), before.escalationLevel()));
        return true;
    }
}
