package org.linli.gateway.alert;

import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.Household;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.Person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One alert as grid workers and operators see it: what happened, exactly where, who lives there (care flags and
 * family contacts), who must go (the grid worker of that building, and the grid leader), and what to do first.
 * Immutable: a repeat, a clear or a lifecycle step produces a new version with the same id and a higher
 * {@code version}.
 * {@code location} is null for something that belongs to no building (a serial bus in the gateway's cabinet);
 * {@code deviceId} is null for an alert about a place or a connection rather than a device.
 * <p>
 * Workflow fields (docs/ALERTS.md): {@code assignee} is who it was dispatched to; {@code escalationLevel} counts
 * escalations (1 = grid leader, 2 = duty office, when both exist) and {@code escalatedTo} is the last person told;
 * {@code outcome} is set on resolve or dismiss; {@code acceptBy} is the deadline of the next escalation (null when
 * none is pending); {@code history} lists every transition with who and when.
 */
public record Alert(
        String id,
        long version,
        AlertType type,
        Severity severity,
        AlertState state,
        String deviceId,
        String deviceType,
        String compound,
        Location location,
        Set<CareFlag> care,
        List<Household.Contact> contacts,
        String gridId,
        Person gridWorker,
        Person gridLeader,
        Instant raisedAt,
        Instant lastSeenAt,
        int count,
        String detail,
        List<String> evidence,
        Person assignee,
        int escalationLevel,
        Person escalatedTo,
        Outcome outcome,
        Instant acceptBy,
        List<AlertTransition> history) {

    public Alert {
        care = Set.copyOf(care);
        contacts = List.copyOf(contacts);
        detail = detail == null ? "" : detail;
        evidence = List.copyOf(evidence);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The shape before the workflow fields existed: not dispatched, no history. */
    public Alert(String id, long version, AlertType type, Severity severity, AlertState state, String deviceId,
                 String deviceType, String compound, Location location, Set<CareFlag> care,
                 List<Household.Contact> contacts, String gridId, Person gridWorker, Person gridLeader,
                 Instant raisedAt, Instant lastSeenAt, int count, String detail, List<String> evidence) {
        this(id, version, type, severity, state, deviceId, deviceType, compound, location, care, contacts, gridId,
                gridWorker, gridLeader, raisedAt, lastSeenAt, count, detail, evidence, null, 0, null, null, null, List.of());
    }

    /** Same alert seen again: count it; the workflow state is untouched. */
    Alert repeated(Instant at) {
        return copy(state, at, count + 1, evidence, escalationLevel, escalatedTo, outcome, acceptBy, history);
    }

    /** A link to evidence (a camera snapshot) added to the alert. */
    Alert withEvidence(String link) {
        List<String> more = new ArrayList<>(evidence);
        more.add(link);
        return copy(state, lastSeenAt, count, more, escalationLevel, escalatedTo, outcome, acceptBy, history);
    }

    /** A new version in {@code to}, with one more history line, an outcome and the next escalation deadline. */
    Alert transitioned(AlertState to, AlertTransition line, Outcome newOutcome, Instant newAcceptBy) {
        return copy(to, lastSeenAt, count, evidence, escalationLevel, escalatedTo, newOutcome, newAcceptBy, plus(line));
    }

    /** Escalated one level to {@code to}. */
    Alert escalated(Person to, AlertTransition line, Instant nextAcceptBy) {
        return copy(state, lastSeenAt, count, evidence, escalationLevel + 1, to, outcome, nextAcceptBy, plus(line));
    }

    /** The device reports the condition is over; the alert stays until someone handles it. */
    Alert deviceCleared(Instant at, AlertState to, AlertTransition line, Instant newAcceptBy) {
        return copy(to, at, count, evidence, escalationLevel, escalatedTo, outcome, newAcceptBy, plus(line));
    }

    private List<AlertTransition> plus(AlertTransition line) {
        List<AlertTransition> more = new ArrayList<>(history);
        more.add(line);
        return more;
    }

    private Alert copy(AlertState newState, Instant newLastSeen, int newCount, List<String> newEvidence, int level,
                       Person newEscalatedTo, Outcome newOutcome, Instant newAcceptBy, List<AlertTransition> newHistory) {
        return new Alert(id, version + 1, type, severity, newState, deviceId, deviceType, compound, location, care,
                contacts, gridId, gridWorker, gridLeader, raisedAt, newLastSeen, newCount, detail, newEvidence,
                assignee, level, newEscalatedTo, newOutcome, newAcceptBy, newHistory);
    }
}
