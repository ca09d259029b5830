package org.linli.gateway.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The delay schedule and the bounds of the login throttle, on a clock the test moves. */
class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

    @Test
    @DisplayName("after 5 free failures the delay doubles from 5 s and never exceeds 60 s")
    void delayDoublesUpToTheMaximum() {
        FailureBackoff b = new FailureBackoff(clock, 5, Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofMinutes(15), 100);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Optional<Duration> w = b.waitFor("k");
            waits.add(w.map(Duration::toSeconds).orElse(0L));
            clock.advance(w.orElse(Duration.ZERO));
            b.failed("k");
        }
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 5L, 10L, 20L, 40L, 60L), waits);
        // AND 15 minutes after the last failure the key is forgotten
        clock.advance(Duration.ofMinutes(16));
        assertEquals(Optional.empty(), b.waitFor("k"));
    }

    @Test
    @DisplayName("at most maxKeys keys are held, however many names are guessed")
    void keysAreBounded() {
        FailureBackoff b = new FailureBackoff(clock, 5, Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofMinutes(15), 100);
        for (int i = 0; i < 1000; i++) {
            b.failed("name" + i);
        }
        assertEquals(100, b.size());
    }

    @Test
    @DisplayName("the per-user delay does not apply at an address the user logged in from; the pair delay does")
    void knownAddressSkipsTheUserDelay() {
        LoginThrottle t = new LoginThrottle(clock);
        t.attempted("duty", "10.0.0.2");
        t.succeeded("duty", "10.0.0.2");
        for (int i = 0; i < 10; i++) {
            t.attempted("duty", "10.0.1." + i);
        }
        assertTrue(t.waitFor("duty", "10.0.1.99").isPresent(), "a new address waits");
        assertEquals(Optional.empty(), t.waitFor("duty", "10.0.0.2"), "the known address does not");
        for (int i = 0; i < 5; i++) {
            t.attempted("duty", "10.0.0.2");
        }
        assertTrue(t.waitFor("duty", "10.0.0.2").isPresent(), "guesses from the known address itself wait");
    }
}
