package org.linli.gateway.alert;

import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.Household;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.Person;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Builds an {@link Alert} field by field, for code that must make one from outside the workflow: the store reading
 * one back, the alert service raising one, tests. Required: {@code id}, {@code type}, {@code severity},
 * {@code raisedAt}. Defaults: version 1, {@code OPEN}, seen once at {@code raisedAt}, no care flags, contacts,
 * evidence or history, not dispatched, not escalated, no outcome and no deadline. Not thread-safe; use and drop.
 */
public final class AlertBuilder {
    private String id;
    private AlertType type;
    private Severity severity;
    private String deviceId;
    private String deviceType;
    private String compound;
    private Location location;
    private Set<CareFlag> care = Set.of();
    private List<Household.Contact> contacts = List.of();
    private String gridId;
    private Person gridWorker;
    private Person gridLeader;
    private Instant raisedAt;
    private String detail = "";
    private long version = 1;
    private AlertState state = AlertState.OPEN;
    private Instant lastSeenAt;
    private int count = 1;
    private List<String> evidence = List.of();
    private Person assignee;
    private int escalationLevel;
    private Person escalatedTo;
    private Outcome outcome;
    private Instant acceptBy;
    private List<AlertTransition> history = List.of();

    AlertBuilder() {
    }

    AlertBuilder(Alert a) {
        AlertSubject s = a.subject();
        id = s.id();
        type = s.type();
        severity = s.severity();
        deviceId = s.deviceId();
        deviceType = s.deviceType();
        compound = s.compound();
        location = s.location();
        care = s.care();
        contacts = s.contacts();
        gridId = s.gridId();
        gridWorker = s.gridWorker();
        gridLeader = s.gridLeader();
        raisedAt = s.raisedAt();
        detail = s.detail();
        AlertProgress p = a.progress();
        version = p.version();
        state = p.state();
        lastSeenAt = p.lastSeenAt();
        count = p.count();
        evidence = p.evidence();
        assignee = p.assignee();
        escalationLevel = p.escalationLevel();
        escalatedTo = p.escalatedTo();
        outcome = p.outcome();
        acceptBy = p.acceptBy();
        history = p.history();
    }

    /** The alert; throws NullPointerException naming the first required field left unset. */
    public Alert build() {
        AlertSubject subject = new AlertSubject(id, type, severity, deviceId, deviceType, compound, location, care,
                contacts, gridId, gridWorker, gridLeader, raisedAt, detail);
        AlertProgress progress = new AlertProgress(version, state, lastSeenAt == null ? raisedAt : lastSeenAt, count,
                evidence, assignee, escalationLevel, escalatedTo, outcome, acceptBy, history);
        return new Alert(subject, progress);
    }

    public AlertBuilder id(String id) {
        this.id = id;
        return this;
    }

    public AlertBuilder type(AlertType type) {
        this.type = type;
        return this;
    }

    public AlertBuilder severity(Severity severity) {
        this.severity = severity;
        return this;
    }

    /** The device the alert is about and its type id (null, null: a place or a connection). */
    public AlertBuilder device(String deviceId, String deviceType) {
        this.deviceId = deviceId;
        this.deviceType = deviceType;
        return this;
    }

    public AlertBuilder compound(String compound) {
        this.compound = compound;
        return this;
    }

    public AlertBuilder location(Location location) {
        this.location = location;
        return this;
    }

    public AlertBuilder care(Set<CareFlag> care) {
        this.care = care;
        return this;
    }

    public AlertBuilder contacts(List<Household.Contact> contacts) {
        this.contacts = contacts;
        return this;
    }

    /** The grid of the building with its worker and leader (any may be null). */
    public AlertBuilder grid(String gridId, Person gridWorker, Person gridLeader) {
        this.gridId = gridId;
        this.gridWorker = gridWorker;
        this.gridLeader = gridLeader;
        return this;
    }

    public AlertBuilder raisedAt(Instant raisedAt) {
        this.raisedAt = raisedAt;
        return this;
    }

    public AlertBuilder detail(String detail) {
        this.detail = detail;
        return this;
    }

    public AlertBuilder version(long version) {
        this.version = version;
        return this;
    }

    public AlertBuilder state(AlertState state) {
        this.state = state;
        return this;
    }

    /** When the condition was last seen (default: {@code raisedAt}). */
    public AlertBuilder lastSeenAt(Instant lastSeenAt) {
        this.lastSeenAt = lastSeenAt;
        return this;
    }

    public AlertBuilder count(int count) {
        this.count = count;
        return this;
    }

    public AlertBuilder evidence(List<String> evidence) {
        this.evidence = evidence;
        return this;
    }

    public AlertBuilder assignee(Person assignee) {
        this.assignee = assignee;
        return this;
    }

    /** How many levels it escalated and to whom last. */
    public AlertBuilder escalation(int level, Person escalatedTo) {
        this.escalationLevel = level;
        this.escalatedTo = escalatedTo;
        return this;
    }

    public AlertBuilder outcome(Outcome outcome) {
        this.outcome = outcome;
        return this;
    }

    public AlertBuilder acceptBy(Instant acceptBy) {
        this.acceptBy = acceptBy;
        return this;
    }

    public AlertBuilder history(List<AlertTransition> history) {
        this.history = history;
        return this;
    }
}
