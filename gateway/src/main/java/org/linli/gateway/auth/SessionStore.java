package org.linli.gateway.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Server-side sessions keyed by a random 256-bit id (the cookie value). A session ends on logout, after
 * {@code idle} without requests (an open live stream counts as use), or {@code maxAge} after login whatever happens.
 * In memory: a gateway restart logs everyone out, which is acceptable for a console. Event-loop confined.
 */
public final class SessionStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Duration idle;
    private final Duration maxAge;
    private final Map<String, Session> sessions = new HashMap<>();

    public SessionStore(Clock clock, Duration idle, Duration maxAge) {
        this.clock = clock;
        this.idle = idle;
        this.maxAge = maxAge;
    }

    public Session create(User user) {
        Session s = new Session(randomToken(), user, randomToken(), clock.instant());
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, marked as used now; empty when unknown or expired. */
    public Optional<Session> use(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            remove(s);
            return Optional.empty();
        }
        s.touch(now);
        return Optional.of(s);
    }

    public void end(Session s) {
        remove(s);
    }

    /** Drops expired sessions; called periodically so abandoned ones do not pile up. */
    public int sweep() {
        Instant now = clock.instant();
        int removed = 0;
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
            Session s = it.next();
            if (expired(s, now)) {
                s.end();
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    public Duration idle() {
        return idle;
    }

    private boolean expired(Session s, Instant now) {
        if (!now.isBefore(s.created().plus(maxAge))) {
            return true;
        }
        return !s.hasOpenStreams() && !now.isBefore(s.lastUsed().plus(idle));
    }

    private void remove(Session s) {
        s.end();
        sessions.remove(s.id());
    }

    /** 256 random bits, URL-safe base64. */
    static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
