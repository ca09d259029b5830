package org.linli.gateway.alert;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.Household;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.Person;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * An alert as the store keeps it: format 2 of the {@code alerts.json} column (docs/ALERTS.md, "The alert store and
 * retention"). Bound by Jackson ({@link AlertRecordFormat}) with explicit property names, so renaming a Java member
 * does not change what is on disk, and strictly: every property must be present (nullable ones may be null), an
 * unknown property or enum constant is an error, and the required values are checked here. What the API shows
 * (titles, labels, the next step) is not stored: it is derived from the enums when the alert is shown.
 * <p>
 * {@link #toAlert()} is the one place an {@link Alert} is built from stored data; the format-1 reader
 * ({@link AlertRecordJson}) produces this record too.
 */
public record AlertRecord(
        @JsonProperty("id") String id,
        @JsonProperty("version") long version,
        @JsonProperty("type") AlertType type,
        @JsonProperty("severity") Severity severity,
        @JsonProperty("state") AlertState state,
        @JsonProperty("deviceId") String deviceId,
        @JsonProperty("deviceType") String deviceType,
        @JsonProperty("compound") String compound,
        @JsonProperty("location") LocationRecord location,
        @JsonProperty("care") List<CareFlag> care,
        @JsonProperty("contacts") List<ContactRecord> contacts,
        @JsonProperty("grid") String grid,
        @JsonProperty("gridWorker") PersonRecord gridWorker,
        @JsonProperty("gridLeader") PersonRecord gridLeader,
        @JsonProperty("raisedAt") Instant raisedAt,
        @JsonProperty("lastSeenAt") Instant lastSeenAt,
        @JsonProperty("count") int count,
        @JsonProperty("detail") String detail,
        @JsonProperty("evidence") List<String> evidence,
        @JsonProperty("assignee") PersonRecord assignee,
        @JsonProperty("escalationLevel") int escalationLevel,
        @JsonProperty("escalatedTo") PersonRecord escalatedTo,
        @JsonProperty("outcome") Outcome outcome,
        @JsonProperty("acceptBy") Instant acceptBy,
        @JsonProperty("history") List<TransitionRecord> history) {

    public AlertRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        care = List.copyOf(Objects.requireNonNull(care, "care"));
        contacts = List.copyOf(Objects.requireNonNull(contacts, "contacts"));
        evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
        history = List.copyOf(Objects.requireNonNull(history, "history"));
    }

    /** Where: the building, and the unit, flat or common area when there is one. */
    public record LocationRecord(@JsonProperty("building") String building, @JsonProperty("unit") String unit,
                                 @JsonProperty("household") String household, @JsonProperty("area") String area) {
        public LocationRecord {
            Objects.requireNonNull(building, "location.building");
        }
    }

    public record PersonRecord(@JsonProperty("id") String id, @JsonProperty("name") String name,
                               @JsonProperty("phone") String phone) {
        static PersonRecord of(Person p) {
            return p == null ? null : new PersonRecord(p.id(), p.name(), p.phone());
        }

        static Person toPerson(PersonRecord p) {
            return p == null ? null : new Person(p.id(), p.name(), p.phone());
        }
    }

    public record ContactRecord(@JsonProperty("name") String name, @JsonProperty("relation") String relation,
                                @JsonProperty("phone") String phone) {
    }

    public record TransitionRecord(@JsonProperty("at") Instant at, @JsonProperty("action") AlertAction action,
                                   @JsonProperty("from") AlertState from, @JsonProperty("to") AlertState to,
                                   @JsonProperty("by") String by, @JsonProperty("outcome") Outcome outcome,
                                   @JsonProperty("note") String note) {
        public TransitionRecord {
            Objects.requireNonNull(at, "history.at");
            Objects.requireNonNull(action, "history.action");
        }
    }

    /** The record of an alert's current version. */
    public static AlertRecord of(Alert a) {
        Location l = a.location();
        return new AlertRecord(a.id(), a.version(), a.type(), a.severity(), a.state(), a.deviceId(), a.deviceType(),
                a.compound(), l == null ? null : new LocationRecord(l.building(), l.unit(), l.household(), l.area()),
                a.care().stream().sorted().toList(),
                a.contacts().stream().map(c -> new ContactRecord(c.name(), c.relation(), c.phone())).toList(),
                a.gridId(), PersonRecord.of(a.gridWorker()), PersonRecord.of(a.gridLeader()), a.raisedAt(),
                a.lastSeenAt(), a.count(), a.detail(), a.evidence(), PersonRecord.of(a.assignee()),
                a.escalationLevel(), PersonRecord.of(a.escalatedTo()), a.outcome(), a.acceptBy(),
                a.history().stream().map(t -> new TransitionRecord(t.at(), t.action(), t.from(), t.to(), t.by(),
                        t.outcome(), t.note())).toList());
    }

    /** The alert this record holds: the one place stored data becomes an {@link Alert}. */
    public Alert toAlert() {
        EnumSet<CareFlag> careFlags = EnumSet.noneOf(CareFlag.class);
        careFlags.addAll(care);
        return Alert.builder().id(id).version(version).type(type).severity(severity).state(state)
                .device(deviceId, deviceType).compound(compound)
                .location(location == null ? null : new Location(location.building(), location.unit(),
                        location.household(), location.area()))
                .care(careFlags)
                .contacts(contacts.stream().map(c -> new Household.Contact(c.name(), c.relation(), c.phone())).toList())
                .grid(grid, PersonRecord.toPerson(gridWorker), PersonRecord.toPerson(gridLeader))
                .raisedAt(raisedAt).lastSeenAt(lastSeenAt).count(count).detail(detail).evidence(evidence)
                .assignee(PersonRecord.toPerson(assignee)).escalation(escalationLevel, PersonRecord.toPerson(escalatedTo))
                .outcome(outcome).acceptBy(acceptBy)
                .history(history.stream().map(t -> new AlertTransition(t.at(), t.action(), t.from(), t.to(), t.by(),
                        t.outcome(), t.note())).toList())
                .build();
    }
}
