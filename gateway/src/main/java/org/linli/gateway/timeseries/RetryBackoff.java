package org.linli.gateway.timeseries;

import org.linli.gateway.retry.Backoff;

import java.time.Duration;

/**
 * The delay before retrying a batch: the gateway's {@link Backoff} (doubling with jitter, capped), or the server's
 * Retry-After (capped at {@code maxServerDelay}) when that is longer: a server that says when to come back is obeyed,
 * but never for more than the cap. Reset by the first accepted write. Confined to the forwarder's event loop.
 */
public final class RetryBackoff {
    private final Backoff own;
    private final Duration maxServerDelay;

    public RetryBackoff(Backoff own, Duration maxServerDelay) {
        this.own = own;
        this.maxServerDelay = maxServerDelay;
    }

    /** 0.5 s doubling to 60 s (with jitter); a Retry-After up to 10 minutes. */
    public static RetryBackoff standard() {
        return new RetryBackoff(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60)), Duration.ofMinutes(10));
    }

    /** Counts one more failure; {@code serverDelay} is the server's Retry-After, or null when it gave none. */
    public Duration next(Duration serverDelay) {
        Duration delay = own.next();
        if (serverDelay == null) {
            return delay;
        }
        Duration server = serverDelay.compareTo(maxServerDelay) > 0 ? maxServerDelay : serverDelay;
        return server.compareTo(delay) > 0 ? server : delay;
    }

    public void reset() {
        own.reset();
    }
}
