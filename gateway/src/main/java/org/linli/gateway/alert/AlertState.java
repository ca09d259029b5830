package org.linli.gateway.alert;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an alert stands in the grid workflow (DOMAIN.md §5, docs/ALERTS.md). An alert is dispatched the moment it is
 * raised (to the grid worker of its building, or the duty office when it has no building), so {@code OPEN} means
 * "raised, dispatched, waiting for someone to accept it; the escalation clock runs".
 * <pre>
 *  OPEN ──device clears──> DEVICE_CLEARED
 *   │ accept                 │ accept
 *   └──────> ACCEPTED <──────┘
 *              │ on-site
 *              v
 *           ON_SITE ──resolve(outcome)──> RESOLVED ──verify──> CLOSED
 *  (ACCEPTED may resolve directly; OPEN, DEVICE_CLEARED, ACCEPTED, ON_SITE may be dismissed as false → DISMISSED)
 * </pre>
 */
public enum AlertState {
    /** Raised and dispatched; nobody has accepted it yet. */
    OPEN,
    /** The device reported the condition is over before anyone accepted; a person still has to handle it. */
    DEVICE_CLEARED,
    /** A grid worker (or whoever was escalated to) took the case (接单). */
    ACCEPTED,
    /** Someone is at the flat or place. */
    ON_SITE,
    /** Handled, with an outcome code and a note; waits for verification. */
    RESOLVED,
    /** Verified by an operator or a second person (核查结案). Terminal. */
    CLOSED,
    /** Dismissed as false with a reason (注销). Terminal. */
    DISMISSED;

    private static final Set<AlertState> AWAITING = EnumSet.of(OPEN, DEVICE_CLEARED);

    /** Nobody has accepted it: the escalation deadline applies. */
    public boolean awaitingAcceptance() {
        return AWAITING.contains(this);
    }

    /** Handled as far as the condition goes: a new occurrence of the same condition is a new alert. */
    public boolean isSettled() {
        return this == RESOLVED || this == CLOSED || this == DISMISSED;
    }

    public boolean isTerminal() {
        return this == CLOSED || this == DISMISSED;
    }
}
