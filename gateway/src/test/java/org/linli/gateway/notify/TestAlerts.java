package org.linli.gateway.notify;

import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertBuilder;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.Household;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.Person;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Factory helpers for alerts as the alert service would publish them. */
final class TestAlerts {
    static final Person WORKER = new Person("li", "李娜", "13900000001");
    static final Person LEADER = new Person("zhao", "赵强", "13900000009");
    static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    private TestAlerts() {
    }

    /** A gas alarm in the elderly-living-alone flat 3-2-501 with the daughter as contact. */
    static Alert gasElderlyAlone(String id) {
        return inFlat(id, AlertType.GAS_LEAK, Severity.CRITICAL_VULNERABLE, "gas-3-2-501", "gas_alarm", "3-2-501")
                .care(Set.of(CareFlag.ELDERLY_LIVING_ALONE))
                .contacts(List.of(new Household.Contact("王芳", "女儿", "13800000001")))
                .build();
    }

    static Alert lifeSafety(String id, String location) {
        return inFlat(id, AlertType.FIRE, Severity.CRITICAL, "smoke-" + location, "smoke_detector", location).build();
    }

    static Alert minor(String id, String location, Severity severity) {
        return inFlat(id, AlertType.DEVICE_OFFLINE, severity, "water-" + location, "water_meter", location).build();
    }

    /** A new alert (version 1, OPEN, seen once at T0) on a device in a flat of grid g1. */
    private static AlertBuilder inFlat(String id, AlertType type, Severity severity, String deviceId,
                                       String deviceType, String location) {
        return Alert.builder().id(id).type(type).severity(severity).device(deviceId, deviceType).compound("幸福里")
                .location(Location.parse(location)).grid("g1", WORKER, LEADER).raisedAt(T0);
    }

    /** {@code a} with another detail and a snapshot link (an evidence version: same count). */
    static Alert withDetail(Alert a, String detail) {
        return a.toBuilder().detail(detail).evidence(List.of("/api/snapshots/s1")).build();
    }

    static final Person DUTY = new Person("duty", "社区值班室", "02100000000");

    /** {@code a} not accepted in time and handed up to {@code to} (level 1 the grid leader, 2 the duty office). */
    static Alert escalatedTo(Alert a, int level, Person to) {
        return a.toBuilder().version(a.version() + level).assignee(a.gridWorker()).escalation(level, to)
                .acceptBy(a.raisedAt().plus(java.time.Duration.ofMinutes(5L * (level + 1)))).build();
    }

    /** {@code a} seen again at {@code at}, the {@code count}th time. */
    static Alert repeatedAt(Alert a, Instant at, int count) {
        return a.toBuilder().version(a.version() + 1).lastSeenAt(at).count(count).build();
    }
}
