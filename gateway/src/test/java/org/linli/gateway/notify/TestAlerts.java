package org.linli.gateway.notify;

import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertState;
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
        return new Alert(id, 1, AlertType.GAS_LEAK, Severity.CRITICAL_VULNERABLE, AlertState.OPEN, "gas-3-2-501",
                "gas_alarm", "幸福里", Location.parse("3-2-501"), Set.of(CareFlag.ELDERLY_LIVING_ALONE),
                List.of(new Household.Contact("王芳", "女儿", "13800000001")), "g1", WORKER, LEADER, T0, T0, 1, "",
                List.of());
    }

    static Alert lifeSafety(String id, String location) {
        return new Alert(id, 1, AlertType.FIRE, Severity.CRITICAL, AlertState.OPEN, "smoke-" + location,
                "smoke_detector", "幸福里", Location.parse(location), Set.of(), List.of(), "g1", WORKER, LEADER, T0, T0, 1,
                "", List.of());
    }

    static Alert minor(String id, String location, Severity severity) {
        return new Alert(id, 1, AlertType.DEVICE_OFFLINE, severity, AlertState.OPEN, "water-" + location,
                "water_meter", "幸福里", Location.parse(location), Set.of(), List.of(), "g1", WORKER, LEADER, T0, T0, 1,
                "", List.of());
    }

    static Alert withDetail(Alert a, String detail) {
        return new Alert(a.id(), a.version(), a.type(), a.severity(), a.state(), a.deviceId(), a.deviceType(),
                a.compound(), a.location(), a.care(), a.contacts(), a.gridId(), a.gridWorker(), a.gridLeader(),
                a.raisedAt(), a.lastSeenAt(), a.count(), detail, List.of("/api/snapshots/s1"));
    }

    static final Person DUTY = new Person("duty", "社区值班室", "02100000000");

    /** {@code a} not accepted in time and handed up to {@code to} (level 1 the grid leader, 2 the duty office). */
    static Alert escalatedTo(Alert a, int level, Person to) {
        return new Alert(a.id(), a.version() + level, a.type(), a.severity(), a.state(), a.deviceId(), a.deviceType(),
                a.compound(), a.location(), a.care(), a.contacts(), a.gridId(), a.gridWorker(), a.gridLeader(),
                a.raisedAt(), a.lastSeenAt(), a.count(), a.detail(), a.evidence(), a.gridWorker(), level, to, null,
                a.raisedAt().plus(java.time.Duration.ofMinutes(5L * (level + 1))), List.of());
    }

    static Alert repeatedAt(Alert a, Instant at, int count) {
        return new Alert(a.id(), a.version() + 1, a.type(), a.severity(), a.state(), a.deviceId(), a.deviceType(),
                a.compound(), a.location(), a.care(), a.contacts(), a.gridId(), a.gridWorker(), a.gridLeader(),
                a.raisedAt(), at, count, a.detail(), a.evidence());
    }
}
