package org.linli.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins for one user name from one address, further
 * attempts for that pair are refused (even with the right password) until {@code lock} has passed. Keyed by the pair
 * so a guesser elsewhere cannot lock a grid worker out of their own phone. A success clears the count.
 * Event-loop confined.
 */
public final class LoginThrottle {
    private final Clock clock;
    private final int maxFailures;
    private final Duration lock;
    private final Map<String, Failures> byKey = new HashMap<>();

    private static final class Failures {
        int count;
        Instant lockedUntil = Instant.MIN;
        Instant last = Instant.MIN;
    }

    public LoginThrottle(Clock clock, int maxFailures, Duration lock) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lock = lock;
    }

    /** How long the pair is still locked, or empty when it may try. */
    public Optional<Duration> lockedFor(String user, String address) {
        Failures f = byKey.get(key(user, address));
        Instant now = clock.instant();
        if (f == null || !now.isBefore(f.lockedUntil)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, f.lockedUntil));
    }

    /** Counts a failure; true when it locked the pair. */
    public boolean failed(String user, String address) {
        Failures f = byKey.computeIfAbsent(key(user, address), k -> new Failures());
        Instant now = clock.instant();
        if (f.last.plus(lock).isBefore(now)) {
            f.count = 0;   // failures long ago do not add up with today's typo
        }
        f.last = now;
        if (++f.count >= maxFailures) {
            f.count = 0;
            f.lockedUntil = now.plus(lock);
            return true;
        }
        return false;
    }

    public void succeeded(String user, String address) {
        byKey.remove(key(user, address));
    }

    /** Forgets pairs that are neither locked nor recently failing. */
    public void sweep() {
        Instant now = clock.instant();
        byKey.values().removeIf(f -> !now.isBefore(f.lockedUntil) && f.last.plus(lock).isBefore(now));
    }

    private static String key(String user, String address) {
        return user + "\u0000" + address;
    }
}
