package org.linli.gateway.alert;

import org.linli.gateway.site.Person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where an alert stands in the grid workflow (docs/ALERTS.md): its {@code version}, {@code state}, how often and when
 * last the condition was seen ({@code count}, {@code lastSeenAt}), evidence links, whom it was dispatched to
 * ({@code assignee}), how far it escalated ({@code escalationLevel}: 1 = grid leader, 2 = duty office, when both
 * exist; {@code escalatedTo}: the last person told), the {@code outcome} set on resolve or dismiss, the deadline of the
 * next escalation ({@code acceptBy}, null when none is pending) and every transition ({@code history}).
 * Immutable: each step below returns the next progress with {@code version} + 1.
 */
public record AlertProgress(
        long version,
        AlertState state,
        Instant lastSeenAt,
        int count,
        List<String> evidence,
        Person assignee,
        int escalationLevel,
        Person escalatedTo,
        Outcome outcome,
        Instant acceptBy,
        List<AlertTransition> history) {

    public AlertProgress {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Seen again at {@code at}: counted; the workflow state is untouched. */
    AlertProgress repeated(Instant at) {
        return next(state, at, count + 1, evidence, escalationLevel, escalatedTo, outcome, acceptBy, history);
    }

    /** One more evidence link (a camera snapshot). */
    AlertProgress withEvidence(String link) {
        List<String> more = new ArrayList<>(evidence);
        more.add(link);
        return next(state, lastSeenAt, count, more, escalationLevel, escalatedTo, outcome, acceptBy, history);
    }

    /** In state {@code to}, with one more history line, an outcome and the next escalation deadline. */
    AlertProgress transitioned(AlertState to, AlertTransition line, Outcome newOutcome, Instant newAcceptBy) {
        return next(to, lastSeenAt, count, evidence, escalationLevel, escalatedTo, newOutcome, newAcceptBy, plus(line));
    }

    /** Handed to {@code newAssignee} in state {@code to}, with one more history line and a new acceptance deadline. */
    AlertProgress reassigned(Person newAssignee, AlertState to, AlertTransition line, Instant newAcceptBy) {
        return new AlertProgress(version + 1, to, lastSeenAt, count, evidence, newAssignee, escalationLevel,
                escalatedTo, outcome, newAcceptBy, plus(line));
    }

    /** Escalated one level, to {@code to}. */
    AlertProgress escalated(Person to, AlertTransition line, Instant nextAcceptBy) {
        return next(state, lastSeenAt, count, evidence, escalationLevel + 1, to, outcome, nextAcceptBy, plus(line));
    }

    /** The device reported at {@code at} that the condition is over. */
    AlertProgress deviceCleared(Instant at, AlertState to, AlertTransition line, Instant newAcceptBy) {
        return next(to, at, count, evidence, escalationLevel, escalatedTo, outcome, newAcceptBy, plus(line));
    }

    private List<AlertTransition> plus(AlertTransition line) {
        List<AlertTransition> more = new ArrayList<>(history);
        more.add(line);
        return more;
    }

    private AlertProgress next(AlertState newState, Instant newLastSeen, int newCount, List<String> newEvidence,
                               int level, Person newEscalatedTo, Outcome newOutcome, Instant newAcceptBy,
                               List<AlertTransition> newHistory) {
        return new AlertProgress(version + 1, newState, newLastSeen, newCount, newEvidence, assignee, level,
                newEscalatedTo, newOutcome, newAcceptBy, newHistory);
    }
}
