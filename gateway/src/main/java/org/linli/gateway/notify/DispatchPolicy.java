package org.linli.gateway.notify;

import org.linli.gateway.retry.Backoff;

import java.time.Duration;

/**
 * How one channel paces itself: {@code limit} requests per sliding {@code window}; {@code maxAttempts} per message
 * with the gateway's {@link Backoff} from {@code retryInitial} doubling up to {@code retryMax}, with jitter so that
 * channels failing together do not retry together; minor alerts collected for
 * {@code digestWindow} and sent as one digest when {@code digests} (a machine feed such as MQTT sends each alone).
 */
record DispatchPolicy(int limit, Duration window, int maxAttempts, Duration retryInitial, Duration retryMax,
                      Duration digestWindow, boolean digests) {

    /** Slots the minor lane leaves free in every window, so a life-safety alert never waits behind a digest. */
    int reserveForLifeSafety() {
        return limit / 4;
    }

    /** The wait after failed attempt number {@code attempt} (1 = the first): between half and all of the schedule. */
    Duration backoff(int attempt) {
        return new Backoff(retryInitial, retryMax).delay(attempt);
    }
}
