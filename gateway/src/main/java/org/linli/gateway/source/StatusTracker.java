package org.linli.gateway.source;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the instant a source entered its current state: a source computes its state and reason from its own
 * fields whenever asked, and passes them through {@link #observe}, which keeps {@code since} while the state stays
 * the same. Confined to the thread that reads the source's status (the gateway's event loop).
 */
public final class StatusTracker {
    private final Clock clock;
    private SourceStatus current;

    public StatusTracker(Clock clock) {
        this.clock = clock;
    }

    /** The status with this state and reason; {@code since} is now if the state changed, else unchanged. */
    public SourceStatus observe(SourceState state, String reason) {
        if (current == null || current.state() != state) {
            current = new SourceStatus(state, reason, clock.instant());
        } else if (!current.reason().equals(reason == null ? "" : reason)) {
            current = new SourceStatus(state, reason, current.since());
        }
        return current;
    }
}
