package org.linli.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Server-side sessions, found by the SHA-256 of a random 256-bit id (the cookie value). A session ends on logout,
 * after {@code idle} without requests (an open live stream counts as use), or {@code maxAge} after login whatever
 * happens. Every change is handed to a {@link Persistence} ({@link SessionFile}: the sessions survive a restart);
 * the last use at most once per {@link #SAVE_LAST_USE_EVERY} per session. Event-loop confined.
 */
public final class SessionStore {
    /** The last use of a session is written no more often than this: the idle limit is 30 minutes. */
    static final Duration SAVE_LAST_USE_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where the store writes its changes; every method is called on the event loop and must not block. */
    public interface Persistence {
        Persistence NONE = new Persistence() {
            @Override
            public void saved(Session s) {
            }

            @Override
            public void used(String key, Instant lastUsed) {
            }

            @Override
            public void removed(String key) {
            }
        };

        void saved(Session s);

        void used(String key, Instant lastUsed);

        void removed(String key);
    }

    private final Clock clock;
    private final Duration idle;
    private final Duration maxAge;
    private final Persistence persistence;
    private final Map<String, Session> sessions = new HashMap<>();

    public SessionStore(Clock clock, Duration idle, Duration maxAge) {
        this(clock, idle, maxAge, Persistence.NONE);
    }

    public SessionStore(Clock clock, Duration idle, Duration maxAge, Persistence persistence) {
        this.clock = clock;
        this.idle = idle;
        this.maxAge = maxAge;
        this.persistence = persistence;
    }

    /**
     * Takes back the sessions read from the durable copy: those not expired whose user still exists ({@code users}
     * gives the user as configured now). Returns how many were taken back.
     */
    public int restore(List<SessionFile.Row> rows, Function<String, Optional<User>> users) {
        Instant now = clock.instant();
        int taken = 0;
        for (SessionFile.Row r : rows) {
            Optional<User> user = users.apply(r.userId());
            Session s = new Session(r.key(), null, user.orElse(null), r.csrfToken(), r.created(), r.lastUsed());
            if (user.isEmpty() || expired(s, now)) {
                persistence.removed(r.key());
                continue;
            }
            sessions.put(s.key(), s);
            taken++;
        }
        return taken;
    }

    public Session create(User user) {
        String id = randomToken();
        Instant now = clock.instant();
        Session s = new Session(keyOf(id), id, user, randomToken(), now, now);
        sessions.put(s.key(), s);
        persistence.saved(s);
        return s;
    }

    /** The live session with this cookie id, marked as used now; empty when unknown or expired. */
    public Optional<Session> use(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Session s = sessions.get(keyOf(id));
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            remove(s);
            return Optional.empty();
        }
        used(s, now);
        return Optional.of(s);
    }

    public void end(Session s) {
        remove(s);
    }

    /**
     * Drops expired sessions, and marks those with an open live stream as used now (so the durable copy knows a
     * screen is still open); called once a minute.
     */
    public int sweep() {
        Instant now = clock.instant();
        int removed = 0;
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
            Session s = it.next();
            if (expired(s, now)) {
                s.end();
                it.remove();
                persistence.removed(s.key());
                removed++;
            } else if (s.hasOpenStreams()) {
                used(s, now);
            }
        }
        return removed;
    }

    public Duration idle() {
        return idle;
    }

    int size() {
        return sessions.size();
    }

    private void used(Session s, Instant now) {
        s.touch(now);
        if (!now.isBefore(s.lastUsedSaved().plus(SAVE_LAST_USE_EVERY))) {
            s.savedLastUse(now);
            persistence.used(s.key(), now);
        }
    }

    private boolean expired(Session s, Instant now) {
        if (!now.isBefore(s.created().plus(maxAge))) {
            return true;
        }
        return !s.hasOpenStreams() && !now.isBefore(s.lastUsed().plus(idle));
    }

    private void remove(Session s) {
        s.end();
        sessions.remove(s.key());
        persistence.removed(s.key());
    }

    /** The SHA-256 of a cookie id, URL-safe base64: what the store and its file keep instead of the id. */
    static String keyOf(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** 256 random bits, URL-safe base64. */
    static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
