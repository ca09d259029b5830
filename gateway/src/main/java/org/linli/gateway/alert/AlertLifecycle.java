package org.linli.gateway.alert;

import org.linli.gateway.site.Person;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The people's steps of the grid workflow as a table: which action is allowed from which state, where it leads, and
 * what it needs. Pure: no clock, no I/O, so the rules of the workflow are readable and testable in one place.
 */
public final class AlertLifecycle {
    private record Step(Set<AlertState> from, AlertState to) {
    }

    private static final Map<AlertAction, Step> STEPS = Map.of(
            AlertAction.ACCEPTED, new Step(EnumSet.of(AlertState.OPEN, AlertState.DEVICE_CLEARED), AlertState.ACCEPTED),
            AlertAction.ON_SITE, new Step(EnumSet.of(AlertState.ACCEPTED), AlertState.ON_SITE),
            AlertAction.RESOLVED, new Step(EnumSet.of(AlertState.ACCEPTED, AlertState.ON_SITE), AlertState.RESOLVED),
            AlertAction.VERIFIED, new Step(EnumSet.of(AlertState.RESOLVED), AlertState.CLOSED),
            AlertAction.DISMISSED, new Step(EnumSet.of(AlertState.OPEN, AlertState.DEVICE_CLEARED, AlertState.ACCEPTED,
                    AlertState.ON_SITE), AlertState.DISMISSED));

    private AlertLifecycle() {
    }

    /** The actions people may take (the others are the system's). */
    public static Set<AlertAction> humanActions() {
        return STEPS.keySet();
    }

    /** The actions a person may take on an alert in {@code state}, in workflow order; empty for a terminal state. */
    public static Set<AlertAction> allowedFrom(AlertState state) {
        Set<AlertAction> out = EnumSet.noneOf(AlertAction.class);
        STEPS.forEach((action, step) -> {
            if (step.from().contains(state)) {
                out.add(action);
            }
        });
        return out;
    }

    /** The state a person's action leads to, or empty for an action the system takes. */
    public static Optional<AlertState> target(AlertAction action) {
        return Optional.ofNullable(STEPS.get(action)).map(Step::to);
    }

    /** Resolving and dismissing record what the alert turned out to be: they need an outcome. */
    public static boolean needsOutcome(AlertAction action) {
        return action == AlertAction.RESOLVED || action == AlertAction.DISMISSED;
    }

    /** The outcomes {@code action} accepts: any for resolve, false alarms only for dismiss, none for the others. */
    public static Set<Outcome> outcomesFor(AlertAction action) {
        if (!needsOutcome(action)) {
            return EnumSet.noneOf(Outcome.class);
        }
        return action == AlertAction.DISMISSED ? EnumSet.complementOf(EnumSet.of(Outcome.REAL_INCIDENT))
                : EnumSet.allOf(Outcome.class);
    }

    /** OTHER says nothing by itself: it needs a note saying what it was. */
    public static boolean needsNote(Outcome outcome) {
        return outcome == Outcome.OTHER;
    }

    /**
     * Applies a person's action, or throws {@link InvalidTransitionException} saying why not. Accepting or dismissing
     * ends the escalation clock; the outcome is required to resolve or dismiss (and dismissing needs a false-alarm
     * reason, not REAL_INCIDENT); OTHER needs a note saying what it was.
     */
    public static Alert apply(Alert a, AlertAction action, String by, Outcome outcome, String note, Instant at) {
        Step step = STEPS.get(action);
        if (step == null) {
            throw new InvalidTransitionException(action + " is done by the gateway, not by a person");
        }
        if (by == null || by.isBlank()) {
            throw new InvalidTransitionException("'by' is missing: say who " + verb(action) + " alert " + a.id());
        }
        if (!step.from().contains(a.state())) {
            throw new InvalidTransitionException("alert " + a.id() + " is " + a.state() + ": cannot " + verb(action)
                    + " it (allowed from " + step.from() + ")");
        }
        Outcome kept = a.outcome();
        if (needsOutcome(action)) {
            if (outcome == null) {
                throw new InvalidTransitionException("'outcome' is missing: one of REAL_INCIDENT, FALSE_ALARM_COOKING, "
                        + "FALSE_ALARM_TEST, RESIDENT_AWAY, DEVICE_FAULT, OTHER");
            }
            if (!outcomesFor(action).contains(outcome)) {
                throw new InvalidTransitionException("a real incident cannot be dismissed as false: resolve it instead");
            }
            if (needsNote(outcome) && (note == null || note.isBlank())) {
                throw new InvalidTransitionException("outcome OTHER needs a note saying what it was");
            }
            kept = outcome;
        }
        Instant acceptBy = step.to().awaitingAcceptance() ? a.acceptBy() : null;
        AlertTransition line = new AlertTransition(at, action, a.state(), step.to(), by, outcome, note);
        return a.transitioned(step.to(), line, kept, acceptBy);
    }

    /** The states from which an alert may be handed to another grid worker: any before it is resolved. */
    public static final Set<AlertState> REASSIGNABLE = EnumSet.of(AlertState.OPEN, AlertState.DEVICE_CLEARED,
            AlertState.ACCEPTED, AlertState.ON_SITE);

    /**
     * Hands the alert to {@code to} (改派), or throws {@link InvalidTransitionException} saying why not: allowed
     * before the alert is resolved ({@link #REASSIGNABLE}), by someone named, to someone other than the assignee.
     * The new assignee must accept it again: an accepted or on-site alert goes back to OPEN, and the acceptance
     * deadline becomes {@code newAcceptBy} (null: none). Not one of {@link #humanActions()}: it needs a person, not
     * an outcome, and has its own request ({@code POST /api/alerts/{id}/reassign}).
     */
    public static Alert reassign(Alert a, Person to, String by, String note, Instant at, Instant newAcceptBy) {
        if (by == null || by.isBlank()) {
            throw new InvalidTransitionException("'by' is missing: say who reassigns alert " + a.id());
        }
        if (!REASSIGNABLE.contains(a.state())) {
            throw new InvalidTransitionException("alert " + a.id() + " is " + a.state()
                    + ": cannot reassign it (allowed from " + REASSIGNABLE + ")");
        }
        if (a.assignee() != null && a.assignee().id() != null && a.assignee().id().equals(to.id())) {
            throw new InvalidTransitionException("alert " + a.id() + " is already assigned to " + to.id());
        }
        AlertState next = a.state().awaitingAcceptance() ? a.state() : AlertState.OPEN;
        String text = AlertVocabulary.reassignedTo(to) + (note == null || note.isBlank() ? "" : "：" + note);
        AlertTransition line = new AlertTransition(at, AlertAction.REASSIGNED, a.state(), next, by, null, text);
        return a.reassigned(to, next, line, newAcceptBy);
    }

    private static String verb(AlertAction action) {
        return switch (action) {
            case ACCEPTED -> "accept";
            case ON_SITE -> "report on site for";
            case RESOLVED -> "resolve";
            case VERIFIED -> "verify";
            case DISMISSED -> "dismiss";
            default -> action.name().toLowerCase();
        };
    }
}
