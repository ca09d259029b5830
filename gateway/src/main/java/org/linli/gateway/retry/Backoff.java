package org.linli.gateway.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The one back-off of the gateway: the n-th retry waits {@code initial * 2^(n-1)}, capped at {@code max}, then
 * scaled by a random factor in [0.5, 1] ("equal jitter"). The jitter matters on a compound: when the broker or the
 * time-series server comes back, 30 cameras, 4 buses and the MQTT client must not all knock again in the same
 * millisecond; the lower half is kept so a retry never comes much sooner than the schedule promises.
 * <p>
 * Stateful use ({@link #next()}, {@link #reset()}) counts failures for one connection; {@link #delay(int)} is the pure
 * form for callers that keep the attempt number themselves. Not thread-safe: one instance per connection or loop.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;
    private int failures;

    public Backoff(Duration initial, Duration max) {
        this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** {@code random} yields values in [0, 1); tests pass a fixed one to get exact delays. */
    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = Objects.requireNonNull(random);
    }

    /** The delay before the next retry; counts one more failure. */
    public Duration next() {
        failures++;
        return delay(failures);
    }

    /** After a success: the next failure starts again from {@code initial}. */
    public void reset() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }

    /** The delay before retry number {@code attempt} (1 = the first retry), with jitter. */
    public Duration delay(int attempt) {
        Duration ceiling = ceiling(attempt);
        double factor = 0.5 + 0.5 * Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        return Duration.ofNanos(Math.max(1_000_000L, (long) (ceiling.toNanos() * factor)));
    }

    /** The delay before retry number {@code attempt} without jitter: {@code initial * 2^(attempt-1)}, capped. */
    public Duration ceiling(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration d = initial.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 || d.isNegative() ? max : d;
    }
}
