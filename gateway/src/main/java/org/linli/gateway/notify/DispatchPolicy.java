package org.linli.gateway.notify;

import java.time.Duration;

/**
 * How one channel paces itself: {@code limit} requests per sliding {@code window}; {@code maxAttempts} per message
 * with back-off from {@code retryInitial} doubling up to {@code retryMax}; minor alerts collected for
 * {@code digestWindow} and sent as one digest when {@code digests} (a machine feed such as MQTT sends each alone).
 */
record DispatchPolicy(int limit, Duration window, int maxAttempts, Duration retryInitial, Duration retryMax,
                      Duration digestWindow, boolean digests) {

    /** Slots the minor lane leaves free in every window, so a life-safety alert never waits behind a digest. */
    int reserveForLifeSafety() {
        return limit / 4;
    }

    Duration backoff(int attempt) {
        Duration d = retryInitial.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }
}
