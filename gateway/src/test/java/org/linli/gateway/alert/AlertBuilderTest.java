package org.linli.gateway.alert;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.Household;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.Person;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertBuilderTest {
    private static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");
    private static final Person LI = new Person("li", "李娜", "13900000001");
    private static final Person ZHAO = new Person("zhao", "赵强", "13900000009");

    private static AlertBuilder gasLeak() {
        return Alert.builder().id("A1-x").type(AlertType.GAS_LEAK).severity(Severity.CRITICAL_VULNERABLE)
                .device("gas-3-2-501", "gas_alarm").compound("幸福里").location(Location.parse("3-2-501"))
                .care(Set.of(CareFlag.ELDERLY_LIVING_ALONE))
                .contacts(List.of(new Household.Contact("王芳", "女儿", "13800000001")))
                .grid("g1", LI, ZHAO).raisedAt(T0).detail("LEL 35%");
    }

    @Test
    @DisplayName("an alert built with only its subject is a new one: version 1, OPEN, seen once at raise, no workflow yet")
    void defaultsAreANewAlert() {
        // GIVEN / WHEN an alert built from its subject alone
        Alert a = gasLeak().build();
        // THEN the subject is what was given, readable through the alert's own accessors
        assertEquals("A1-x", a.id());
        assertEquals(AlertType.GAS_LEAK, a.type());
        assertEquals("3-2-501", a.location().toString());
        assertEquals(LI, a.gridWorker());
        assertEquals(a.subject().detail(), a.detail());
        // AND the workflow is that of a just-raised alert
        assertEquals(1, a.version());
        assertEquals(AlertState.OPEN, a.state());
        assertEquals(T0, a.lastSeenAt());
        assertEquals(1, a.count());
        assertEquals(List.of(), a.evidence());
        assertEquals(List.of(), a.history());
        assertNull(a.assignee());
        assertEquals(0, a.escalationLevel());
        assertNull(a.acceptBy());
    }

    @Test
    @DisplayName("toBuilder copies every field of subject and workflow: building it unchanged gives an equal alert")
    void toBuilderCopiesEverything() {
        // GIVEN an alert with every workflow field set
        AlertTransition line = new AlertTransition(T0, AlertAction.RAISED, null, AlertState.OPEN, "system", null, "x");
        Alert a = gasLeak().version(7).state(AlertState.RESOLVED).lastSeenAt(T0.plusSeconds(9)).count(3)
                .evidence(List.of("/api/snapshots/s1")).assignee(LI).escalation(1, ZHAO)
                .outcome(Outcome.FALSE_ALARM_COOKING).acceptBy(T0.plusSeconds(90)).history(List.of(line)).build();
        // WHEN it is copied through a builder, unchanged and with one field changed
        Alert same = a.toBuilder().build();
        Alert other = a.toBuilder().state(AlertState.CLOSED).build();
        // THEN the unchanged copy equals it, and the changed one differs in that field only
        assertEquals(a, same);
        assertNotEquals(a, other);
        assertEquals(a.subject(), other.subject());
        assertEquals(AlertState.CLOSED, other.state());
        assertEquals(a.history(), other.history());
    }

    @Test
    @DisplayName("an alert without id, type, severity or raise time is refused, naming the missing field")
    void requiredFieldsRefused() {
        // GIVEN builders each missing one required field WHEN built THEN each is refused with that field's name
        NullPointerException noType = assertThrows(NullPointerException.class,
                () -> gasLeak().type(null).build());
        assertEquals("type", noType.getMessage());
        assertEquals("raisedAt", assertThrows(NullPointerException.class,
                () -> gasLeak().raisedAt(null).build()).getMessage());
        assertEquals("id", assertThrows(NullPointerException.class, () -> gasLeak().id(null).build()).getMessage());
    }

    @Test
    @DisplayName("each workflow step makes the next version of the same subject: repeat, evidence, transition, escalation, device clear")
    void stepsBumpVersionAndKeepSubject() {
        // GIVEN a new alert dispatched to 李娜
        Alert a = gasLeak().assignee(LI).acceptBy(T0.plusSeconds(90)).build();
        AlertTransition esc = new AlertTransition(T0.plusSeconds(90), AlertAction.ESCALATED, AlertState.OPEN,
                AlertState.OPEN, "system", null, "");
        // WHEN it repeats, gets a snapshot, escalates, clears and is accepted
        Alert repeated = a.repeated(T0.plusSeconds(10));
        Alert withSnapshot = repeated.withEvidence("/api/snapshots/s1");
        Alert escalated = withSnapshot.escalated(ZHAO, esc, null);
        Alert cleared = escalated.deviceCleared(T0.plusSeconds(100), AlertState.DEVICE_CLEARED, esc, null);
        Alert accepted = cleared.transitioned(AlertState.ACCEPTED, esc, null, null);
        // THEN every step is one version more, with the same subject
        List<Alert> versions = List.of(a, repeated, withSnapshot, escalated, cleared, accepted);
        for (int i = 0; i < versions.size(); i++) {
            assertEquals(i + 1, versions.get(i).version());
            assertEquals(a.subject(), versions.get(i).subject());
        }
        // AND each changed what it says
        assertEquals(2, repeated.count());
        assertEquals(T0.plusSeconds(10), repeated.lastSeenAt());
        assertEquals(List.of("/api/snapshots/s1"), withSnapshot.evidence());
        assertEquals(1, escalated.escalationLevel());
        assertEquals(ZHAO, escalated.escalatedTo());
        assertEquals(LI, escalated.assignee(), "escalation tells someone else; the assignee stays");
        assertEquals(AlertState.DEVICE_CLEARED, cleared.state());
        assertEquals(T0.plusSeconds(100), cleared.lastSeenAt());
        assertEquals(AlertState.ACCEPTED, accepted.state());
        assertEquals(3, accepted.history().size());
        assertTrue(accepted.evidence().contains("/api/snapshots/s1"));
    }
}
