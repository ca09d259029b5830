package org.linli.gateway.alert;

import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.Household;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.Person;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One version of an alert as grid workers and operators see it: its {@link AlertSubject} (what happened, exactly
 * where, who lives there, who must go) and its {@link AlertProgress} (where it stands in the grid workflow).
 * Immutable: a repeat, a clear or a workflow step produces a new version with the same subject and {@code version} + 1
 * (docs/ALERTS.md, "The alert model"). The accessors below read through to either part, so callers need not know
 * which part holds a field. {@link AlertNames} are the site file's names for its ids, attached when it is handed out
 * and never stored. Built by the alert service; anything else builds one with {@link #builder()}.
 */
public record Alert(AlertSubject subject, AlertProgress progress, AlertNames names) {

    public Alert {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(progress, "progress");
        names = names == null ? AlertNames.NONE : names;
    }

    /** An alert with no site names attached ({@link AlertNames#NONE}: ids are shown). */
    public Alert(AlertSubject subject, AlertProgress progress) {
        this(subject, progress, AlertNames.NONE);
    }

    /** Two alerts are equal when their subject and progress are: the attached names are presentation, not state. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Alert other && subject.equals(other.subject) && progress.equals(other.progress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, progress);
    }

    /** The same version with the site's names for its grid, area and people (not stored; see {@link AlertNames}). */
    public Alert named(AlertNames newNames) {
        return new Alert(subject, progress, newNames);
    }

    /** An alert built field by field (the store reading one back, tests); see {@link AlertBuilder} for the defaults. */
    public static AlertBuilder builder() {
        return new AlertBuilder();
    }

    /** A builder holding every field of this alert, to make a modified copy. */
    public AlertBuilder toBuilder() {
        return new AlertBuilder(this);
    }

    /** Same alert seen again: count it; the workflow state is untouched. */
    Alert repeated(Instant at) {
        return new Alert(subject, progress.repeated(at), names);
    }

    /** A link to evidence (a camera snapshot) added to the alert. */
    Alert withEvidence(String link) {
        return new Alert(subject, progress.withEvidence(link), names);
    }

    /** A new version in {@code to}, with one more history line, an outcome and the next escalation deadline. */
    Alert transitioned(AlertState to, AlertTransition line, Outcome newOutcome, Instant newAcceptBy) {
        return new Alert(subject, progress.transitioned(to, line, newOutcome, newAcceptBy), names);
    }

    /** Handed to another grid worker ({@link AlertLifecycle#reassign}). */
    Alert reassigned(Person newAssignee, AlertState to, AlertTransition line, Instant newAcceptBy) {
        return new Alert(subject, progress.reassigned(newAssignee, to, line, newAcceptBy), names);
    }

    /** Escalated one level to {@code to}. */
    Alert escalated(Person to, AlertTransition line, Instant nextAcceptBy) {
        return new Alert(subject, progress.escalated(to, line, nextAcceptBy), names);
    }

    /** The device reports the condition is over; the alert stays until someone handles it. */
    Alert deviceCleared(Instant at, AlertState to, AlertTransition line, Instant newAcceptBy) {
        return new Alert(subject, progress.deviceCleared(at, to, line, newAcceptBy), names);
    }

    // --- the subject

    public String id() {
        return subject.id();
    }

    public AlertType type() {
        return subject.type();
    }

    public Severity severity() {
        return subject.severity();
    }

    public String deviceId() {
        return subject.deviceId();
    }

    public String deviceType() {
        return subject.deviceType();
    }

    public String compound() {
        return subject.compound();
    }

    public Location location() {
        return subject.location();
    }

    public Set<CareFlag> care() {
        return subject.care();
    }

    public List<Household.Contact> contacts() {
        return subject.contacts();
    }

    public String gridId() {
        return subject.gridId();
    }

    public Person gridWorker() {
        return subject.gridWorker();
    }

    public Person gridLeader() {
        return subject.gridLeader();
    }

    public Instant raisedAt() {
        return subject.raisedAt();
    }

    public String detail() {
        return subject.detail();
    }

    // --- the workflow

    public long version() {
        return progress.version();
    }

    public AlertState state() {
        return progress.state();
    }

    public Instant lastSeenAt() {
        return progress.lastSeenAt();
    }

    public int count() {
        return progress.count();
    }

    public List<String> evidence() {
        return progress.evidence();
    }

    public Person assignee() {
        return progress.assignee();
    }

    public int escalationLevel() {
        return progress.escalationLevel();
    }

    public Person escalatedTo() {
        return progress.escalatedTo();
    }

    public Outcome outcome() {
        return progress.outcome();
    }

    public Instant acceptBy() {
        return progress.acceptBy();
    }

    public List<AlertTransition> history() {
        return progress.history();
    }
}
