package org.linli.gateway.auth;

import org.linli.gateway.retry.Backoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins counted per key (a user name, an address, or both), with a back-off that is a delay, never a lock:
 * the first {@code free} failures cost nothing; after that each attempt must wait {@code first × 2^(n − free)}
 * after the last failure, at most {@code max}. A key is forgotten {@code forgetAfter} after its last failure, and at
 * most {@code maxKeys} keys are held (the longest unused goes first), so guessing cannot grow memory. The schedule is
 * {@link Backoff#ceiling}, without jitter: this is a penalty recomputed on every attempt, not a retry that many
 * clients could synchronise on, and an attacker gains nothing from a predictable one. Event-loop confined.
 */
final class FailureBackoff {
    private final Clock clock;
    private final int free;
    private final Backoff schedule;
    private final Duration forgetAfter;
    private final Map<String, Failures> byKey;

    private static final class Failures {
        int count;
        Instant last = Instant.MIN;
    }

    FailureBackoff(Clock clock, int free, Duration first, Duration max, Duration forgetAfter, int maxKeys) {
        this.clock = clock;
        this.free = free;
        this.schedule = new Backoff(first, max);
        this.forgetAfter = forgetAfter;
        this.byKey = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** How long {@code key} must still wait before its next attempt, or empty when it may try now. */
    Optional<Duration> waitFor(String key) {
        Failures f = current(key);
        if (f == null || f.count < free) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), f.last.plus(delay(f.count)));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /** Counts a failure; true when it is the one that starts the back-off. */
    boolean failed(String key) {
        Failures f = current(key);
        if (f == null) {
            f = new Failures();
            byKey.put(key, f);
        }
        f.last = clock.instant();
        return ++f.count == free;
    }

    /** Takes back one failure counted up front for an attempt that turned out right. */
    void undo(String key) {
        Failures f = byKey.get(key);
        if (f != null && --f.count <= 0) {
            byKey.remove(key);
        }
    }

    void forget(String key) {
        byKey.remove(key);
    }

    void sweep() {
        Instant now = clock.instant();
        byKey.values().removeIf(f -> f.last.plus(forgetAfter).isBefore(now));
    }

    int size() {
        return byKey.size();
    }

    private Failures current(String key) {
        Failures f = byKey.get(key);
        if (f != null && f.last.plus(forgetAfter).isBefore(clock.instant())) {
            byKey.remove(key);   // failures long ago do not add up with today's typo
            return null;
        }
        return f;
    }

    private Duration delay(int count) {
        return schedule.ceiling(count - free + 1);
    }
}
