package org.linli.gateway.alert;

/** A lifecycle step that the alert's current state does not allow, or that lacks what it needs (who, outcome). */
public final class InvalidTransitionException extends RuntimeException {
    public InvalidTransitionException(String message) {
        super(message);
    }
}
