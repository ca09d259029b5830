package org.linli.gateway.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.MutableClock;
import org.linli.gateway.config.Role;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"));
    private final SessionStore store = new SessionStore(clock, Duration.ofMinutes(30), Duration.ofHours(12));
    private final User li = new User("li", "李娜", Role.GRID_WORKER, "g1", "h");

    @Test
    @DisplayName("a session idles out after 30 minutes without use, but use keeps it alive")
    void idleExpiry() {
        // GIVEN two sessions
        Session used = store.create(li);
        Session idle = store.create(li);
        assertNotEquals(used.cookieValue(), idle.cookieValue());
        assertNotEquals(used.cookieValue(), used.csrfToken());
        // WHEN 20 minutes pass, one is used, and 20 more pass
        clock.advance(Duration.ofMinutes(20));
        assertTrue(store.use(used.cookieValue()).isPresent());
        clock.advance(Duration.ofMinutes(20));
        // THEN the used one lives and the idle one is gone, marked ended for its live streams
        assertTrue(store.use(used.cookieValue()).isPresent());
        assertTrue(store.use(idle.cookieValue()).isEmpty());
        assertFalse(idle.live());
    }

    @Test
    @DisplayName("an open live stream keeps a session from idling out, but not beyond 12 hours after login")
    void streamsAndMaxAge() {
        // GIVEN a session with the console open
        Session s = store.create(li);
        s.streamOpened();
        // WHEN an hour passes without requests THEN the sweep keeps it
        clock.advance(Duration.ofHours(1));
        assertEquals(0, store.sweep());
        assertTrue(s.live());
        // WHEN 12 hours have passed since login THEN it ends regardless
        clock.advance(Duration.ofHours(11));
        assertEquals(1, store.sweep());
        assertFalse(s.live());
        assertTrue(store.use(s.cookieValue()).isEmpty());
    }
}
