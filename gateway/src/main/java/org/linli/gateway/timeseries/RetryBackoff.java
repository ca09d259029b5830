package org.linli.gateway.timeseries;

import java.time.Duration;

/**
 * The delay before retrying a batch: an increasing delay capped at {@code maxDelay}, or the server's Retry-After
 * (capped at {@code maxServerDelay}) when that is longer. Reset by the first accepted write.
 */
public final class RetryBackoff {
    private final Duration initial;
    private final Duration maxDelay;
    private final Duration maxServerDelay;
    private int failures;

    public RetryBackoff(Duration initial, Duration maxDelay, Duration maxServerDelay) {
        this.initial = initial;
        this.maxDelay = maxDelay;
        this.maxServerDelay = maxServerDelay;
    }

    public static RetryBackoff standard() {
        return new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofMinutes(10));
    }

    public Duration next(Duration serverDelay) {
        long factor = 1L << Math.min(failures, 20);
        failures++;
        Duration own = initial.multipliedBy(factor);
        if (own.compareTo(maxDelay) > 0) {
            own = maxDelay;
        }
        if (serverDelay == null) {
            return own;
        }
        Duration server = serverDelay.compareTo(maxServerDelay) > 0 ? maxServerDelay : serverDelay;
        return server.compareTo(own) > 0 ? server : own;
    }

    public void reset() {
        failures = 0;
    }

    int failures() {
        return failures;
    }
}
