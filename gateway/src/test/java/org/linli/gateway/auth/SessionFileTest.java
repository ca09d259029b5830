package org.linli.gateway.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.MutableClock;
import org.linli.gateway.config.Role;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions written to a real SQLite file by one store and read back by the store of the next start. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SessionFileTest {
    @TempDir
    Path dataDir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:00:00Z"));
    private final User duty = new User("duty", "王值班", Role.OPERATOR, null, "h");
    private final User li = new User("li", "李娜", Role.GRID_WORKER, "g1", "h");

    private SessionStore storeOn(SessionFile file) {
        return new SessionStore(clock, Duration.ofMinutes(30), Duration.ofHours(12), file);
    }

    @Test
    @DisplayName("after a restart the same cookie finds its session with the same CSRF token, and the file holds only the id's hash")
    void sessionSurvivesRestart() throws Exception {
        // GIVEN a session created before the restart
        SessionFile before = SessionFile.open(dataDir).get(10, TimeUnit.SECONDS);
        Session s = storeOn(before).create(duty);
        String cookie = s.cookieValue();
        before.close().get(10, TimeUnit.SECONDS);

        // WHEN the next start opens the file and takes its sessions back
        clock.advance(Duration.ofMinutes(5));
        SessionFile after = SessionFile.open(dataDir).get(10, TimeUnit.SECONDS);
        SessionStore store = storeOn(after);
        int restored = store.restore(after.rows(), id -> Optional.ofNullable(Map.of("duty", duty).get(id)));

        // THEN the cookie still works, as the same user with the same CSRF token
        assertEquals(1, restored);
        Session back = store.use(cookie).orElseThrow();
        assertEquals(duty, back.user());
        assertEquals(s.csrfToken(), back.csrfToken());
        // AND the file never held the cookie's id
        String bytes = new String(Files.readAllBytes(after.file()), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains(cookie));
        after.close().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a screen with an open live stream is marked used by the sweep, so after a restart 40 minutes later it is still logged in; an idle one is not, nor one whose user was removed")
    void openStreamKeepsSessionAcrossRestart() throws Exception {
        // GIVEN a duty screen with an open stream, an idle session, and a session of a user later removed
        SessionFile before = SessionFile.open(dataDir).get(10, TimeUnit.SECONDS);
        SessionStore store = storeOn(before);
        Session screen = store.create(duty);
        screen.streamOpened();
        Session idle = store.create(duty);
        Session removed = store.create(li);
        // 40 minutes pass with the one-minute sweep running, no request at all
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofMinutes(1));
            store.sweep();
        }
        before.close().get(10, TimeUnit.SECONDS);

        // WHEN the gateway restarts at once, and "li" is no longer configured
        SessionFile after = SessionFile.open(dataDir).get(10, TimeUnit.SECONDS);
        SessionStore next = storeOn(after);
        int restored = next.restore(after.rows(), id -> Optional.ofNullable(Map.of("duty", duty).get(id)));

        // THEN only the screen's session comes back
        assertEquals(1, restored);
        assertTrue(next.use(screen.cookieValue()).isPresent());
        assertTrue(next.use(idle.cookieValue()).isEmpty());
        assertTrue(next.use(removed.cookieValue()).isEmpty());
        // AND the dropped rows are gone from the file
        after.flush().get(10, TimeUnit.SECONDS);
        after.close().get(10, TimeUnit.SECONDS);
        assertEquals(1, SessionFile.open(dataDir).get(10, TimeUnit.SECONDS).rows().size());
    }

    @Test
    @DisplayName("a logout deletes the session's row: the cookie does not work after a restart")
    void logoutIsDurable() throws Exception {
        // GIVEN a session that logs out
        SessionFile before = SessionFile.open(dataDir).get(10, TimeUnit.SECONDS);
        SessionStore store = storeOn(before);
        Session s = store.create(duty);
        store.end(s);
        before.close().get(10, TimeUnit.SECONDS);

        // WHEN the gateway restarts
        SessionFile after = SessionFile.open(dataDir).get(10, TimeUnit.SECONDS);

        // THEN nothing is taken back
        assertEquals(0, after.rows().size());
        after.close().get(10, TimeUnit.SECONDS);
    }
}
