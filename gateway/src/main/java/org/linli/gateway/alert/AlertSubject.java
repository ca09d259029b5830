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
 * What an alert is about, fixed when it is raised: what happened ({@code type}, {@code severity}, the rule's
 * {@code detail}), exactly where ({@code compound}, {@code location}; null for something in no building, such as a
 * serial bus in the gateway cabinet), on which device ({@code deviceId} and {@code deviceType}; null for an alert
 * about a place or a connection), who lives there (care flags, family contacts) and who is responsible (the grid, its
 * worker and leader). Every version of an alert carries the same subject (docs/ALERTS.md, "The alert model").
 */
public record AlertSubject(
        String id,
        AlertType type,
        Severity severity,
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
        String detail) {

    public AlertSubject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(raisedAt, "raisedAt");
        care = care == null ? Set.of() : Set.copyOf(care);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        detail = detail == null ? "" : detail;
    }
}
