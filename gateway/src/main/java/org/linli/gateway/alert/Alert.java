package org.linli.gateway.alert;

import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.Household;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.Person;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One alert as grid workers and operators see it: what happened, exactly where, who lives there (care flags and
 * family contacts), who must go (the grid worker of that building, and the grid leader), and what to do first.
 * Immutable: a repeat or a clear produces a new version with the same id and a higher {@code version}.
 * {@code location} is null for something that belongs to no building (a serial bus in the gateway's cabinet);
 * {@code deviceId} is null for an alert about a place or a connection rather than a device.
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
        List<String> evidence) {

    public Alert {
        care = Set.copyOf(care);
        contacts = List.copyOf(contacts);
        detail = detail == null ? "" : detail;
        evidence = List.copyOf(evidence);
    }

    /** Same alert seen again: count it, keep it open. */
    Alert repeated(Instant at) {
        return new Alert(id, version + 1, type, severity, AlertState.OPEN, deviceId, deviceType, compound, location,
                care, contacts, gridId, gridWorker, gridLeader, raisedAt, at, count + 1, detail, evidence);
    }

    /** A link to evidence (a camera snapshot) added to the alert. */
    Alert withEvidence(String link) {
        List<String> more = new java.util.ArrayList<>(evidence);
        more.add(link);
        return new Alert(id, version + 1, type, severity, state, deviceId, deviceType, compound, location,
                care, contacts, gridId, gridWorker, gridLeader, raisedAt, lastSeenAt, count, detail, more);
    }

    /** The device reports the condition is over; the alert stays until someone handles it (issue 5 lifecycle). */
    Alert deviceCleared(Instant at) {
        return new Alert(id, version + 1, type, severity, AlertState.DEVICE_CLEARED, deviceId, deviceType, compound,
                location, care, contacts, gridId, gridWorker, gridLeader, raisedAt, at, count, detail, evidence);
    }
}
