package org.linli.gateway.alert;

import java.time.Instant;
import java.util.Objects;

/** One line of an alert's history: when, what, from which state to which, who ("system" for the gateway), and a note. */
public record AlertTransition(Instant at, AlertAction action, AlertState from, AlertState to, String by, Outcome outcome,
                              String note) {
    public static final String SYSTEM = "system";

    public AlertTransition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        note = note == null ? "" : note;
    }
}
