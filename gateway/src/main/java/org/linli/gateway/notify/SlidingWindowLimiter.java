package org.linli.gateway.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * At most {@code limit} requests in any sliding {@code window} (robots: 20 per minute). A request holds its slot
 * from the moment it is sent, and the slot is dated by when its answer came back: the receiver counted it somewhere
 * in between, so dating by completion guarantees the receiver never sees more than {@code limit} in any window of
 * its own, whatever the network delay.
 */
final class SlidingWindowLimiter {
    private final int limit;
    private final Duration window;
    private final Deque<Instant> completed = new ArrayDeque<>();
    private int inFlight;

    SlidingWindowLimiter(int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
        this.window = window;
    }

    /** Free slots now. */
    int free(Instant now) {
        evict(now);
        return limit - inFlight - completed.size();
    }

    void begin() {
        inFlight++;
    }

    void end(Instant answeredAt) {
        inFlight--;
        completed.addLast(answeredAt);
    }

    /** How long until at least {@code needed} slots are free (zero if they are; null if only in-flight ones hold them). */
    Duration untilFree(int needed, Instant now) {
        evict(now);
        int excess = inFlight + completed.size() - (limit - needed);
        if (excess <= 0) {
            return Duration.ZERO;
        }
        if (excess > completed.size()) {
            return null;
        }
        Iterator<Instant> it = completed.iterator();
        Instant t = null;
        for (int i = 0; i < excess; i++) {
            t = it.next();
        }
        Duration d = Duration.between(now, t.plus(window));
        return d.isNegative() ? Duration.ZERO : d;
    }

    private void evict(Instant now) {
        Instant horizon = now.minus(window);
        while (!completed.isEmpty() && !completed.peekFirst().isAfter(horizon)) {
            completed.pollFirst();
        }
    }
}
