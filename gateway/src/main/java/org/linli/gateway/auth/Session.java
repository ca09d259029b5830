package org.linli.gateway.auth;

import java.time.Instant;

/**
 * One logged-in browser: the user, the CSRF token every state-changing request must echo, and when it was last used.
 * Event-loop confined, like the store that owns it.
 */
public final class Session {
    private final String id;
    private final User user;
    private final String csrfToken;
    private final Instant created;
    private Instant lastUsed;
    private int openStreams;
    private boolean ended;

    Session(String id, User user, String csrfToken, Instant created) {
        this.id = id;
        this.user = user;
        this.csrfToken = csrfToken;
        this.created = created;
        this.lastUsed = created;
    }

    public User user() {
        return user;
    }

    public String csrfToken() {
        return csrfToken;
    }

    String id() {
        return id;
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
