package org.linli.gateway.auth;

import java.time.Instant;

/**
 * One logged-in browser: the user, the CSRF token every state-changing request must echo, and when it was last used.
 * Known by its {@link #key()}, the SHA-256 of the cookie's random id: the id itself is only in the browser (and in
 * {@link #cookieValue()} of a session just created), so the durable copy ({@link SessionFile}) cannot log anyone in.
 * Event-loop confined, like the store that owns it.
 */
public final class Session {
    private final String key;
    private final String cookieValue;
    private final User user;
    private final String csrfToken;
    private final Instant created;
    private Instant lastUsed;
    private Instant lastUsedSaved;
    private int openStreams;
    private boolean ended;

    Session(String key, String cookieValue, User user, String csrfToken, Instant created, Instant lastUsed) {
        this.key = key;
        this.cookieValue = cookieValue;
        this.user = user;
        this.csrfToken = csrfToken;
        this.created = created;
        this.lastUsed = lastUsed;
        this.lastUsedSaved = lastUsed;
    }

    public User user() {
        return user;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** The SHA-256 of the cookie's id, URL-safe base64: the map key and the durable row's key. */
    String key() {
        return key;
    }

    /** The cookie's value for a session created by this process; null for one read back after a restart. */
    public String cookieValue() {
        return cookieValue;
    }

    Instant created() {
        return created;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    void touch(Instant now) {
        lastUsed = now;
    }

    /** When the last use was last written to the durable copy. */
    Instant lastUsedSaved() {
        return lastUsedSaved;
    }

    void savedLastUse(Instant at) {
        lastUsedSaved = at;
    }

    /** An open live stream is a console on someone's screen: it keeps the session from idling out. */
    public void streamOpened() {
        openStreams++;
    }

    public void streamClosed() {
        openStreams = Math.max(0, openStreams - 1);
    }

    boolean hasOpenStreams() {
        return openStreams > 0;
    }

    /** False once logged out or expired: the live stream of an ended session is closed. */
    public boolean live() {
        return !ended;
    }

    void end() {
        ended = true;
    }
}
