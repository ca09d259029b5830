package org.linli.gateway.alert;

import java.time.Duration;
import java.time.Instant;

/**
 * How many terminal (CLOSED, DISMISSED) alerts stay in memory, on {@code GET /api/alerts} and in the SSE replay: those
 * closed within {@code closedKeep}, at most {@code closedInMemory} of them (the newest closed). Every non-terminal
 * alert stays in memory whatever its age; older terminal ones stay in the store ({@code storage.closedAlertsDays},
 * {@code storage.closedAlertsInMemory}; docs/ALERTS.md).
 */
public record AlertRetention(Duration closedKeep, int closedInMemory) {
    public static final AlertRetention DEFAULT = new AlertRetention(Duration.ofDays(7), 1000);

    public AlertRetention {
        if (closedKeep.isNegative() || closedInMemory < 0) {
            throw new IllegalArgumentException("closedKeep and closedInMemory must not be negative");
        }
    }

    /**
     * When an alert became terminal: the time of the history line that took it to CLOSED or DISMISSED (its last
     * version's time when it has none), null while it is not terminal.
     */
    public static Instant closedAt(Alert a) {
        if (!a.state().isTerminal()) {
            return null;
        }
        for (int i = a.history().size() - 1; i >= 0; i--) {
            AlertTransition t = a.history().get(i);
            if (t.to() != null && t.to().isTerminal() && (t.from() == null || !t.from().isTerminal())) {
                return t.at();
            }
        }
        return a.lastSeenAt();
    }
}
