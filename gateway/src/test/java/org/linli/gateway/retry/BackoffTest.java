package org.linli.gateway.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    @Test
    void doublesFromInitialUpToMaxWithoutJitterAtTheTop() {
        // GIVEN a back-off whose random source always gives the top of the jitter range
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(4), () -> 0.999999999);
        // WHEN failures follow one another THEN the delays double and stop at max
        assertEquals(500, b.next().toMillis(), 1);
        assertEquals(1000, b.next().toMillis(), 1);
        assertEquals(2000, b.next().toMillis(), 1);
        assertEquals(4000, b.next().toMillis(), 1);
        assertEquals(4000, b.next().toMillis(), 1);
        assertEquals(5, b.failures());
    }

    @Test
    void resetStartsAgainFromInitial() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.999999999);
        b.next();
        b.next();
        b.reset();
        assertEquals(1000, b.next().toMillis(), 1);
    }

    @Test
    void jitterKeepsEveryDelayBetweenHalfAndTheScheduleAndSpreadsThem() {
        // GIVEN the real random source WHEN 200 gateways compute their 4th retry
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        Set<Long> distinct = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            long ms = b.delay(4).toMillis();
            // THEN each waits between half of 8 s and 8 s, and they do not all knock at once
            assertTrue(ms >= 4000 && ms <= 8000, "delay " + ms);
            distinct.add(ms);
        }
        assertTrue(distinct.size() > 50, "only " + distinct.size() + " distinct delays in 200");
    }

    @Test
    void hugeAttemptNumbersStayAtMaxWithoutOverflow() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMinutes(5), () -> 0.999999999);
        assertEquals(Duration.ofMinutes(5), b.ceiling(Integer.MAX_VALUE));
        assertEquals(Duration.ofMillis(100), b.ceiling(0));
    }

    @Test
    void refusesAZeroInitialOrAMaxBelowInitial() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
