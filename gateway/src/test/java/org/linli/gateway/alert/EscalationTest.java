package org.linli.gateway.alert;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.site.Device;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linli.gateway.alert.AlertFixture.T0;

/**
 * 督办: an alert nobody accepts in its severity's deadline goes to the grid leader, then to the community duty office
 * (DOMAIN.md §5). Deadlines come from the fixture's {@code rules.escalation} (CRITICAL_VULNERABLE 90 s, CRITICAL 240 s,
 * MAJOR never); the clock is moved by hand and {@link AlertService#checkEscalations()} called as the gateway's timer does.
 */
class EscalationTest {
    private final AlertFixture f = new AlertFixture();
    private final AlertService service = f.service(AlertStore.NONE);

    @Test
    @DisplayName("a life-safety alert not accepted in its deadline escalates to the grid leader, then to the duty office, then stops")
    void leaderThenDutyOffice() {
        // GIVEN a gas alarm in an elderly-living-alone flat (CRITICAL_VULNERABLE: 90 s) dispatched to worker 李娜
        Alert raised = service.raise(f.gasLeak());
        assertEquals(T0.plusSeconds(90), raised.acceptBy());
        // WHEN nobody accepts it for 89 s THEN nothing escalates yet
        f.clock.advance(Duration.ofSeconds(89));
        assertEquals(List.of(), service.checkEscalations());

        // WHEN the deadline is reached
        f.clock.advance(Duration.ofSeconds(1));
        List<Alert> first = service.checkEscalations();
        // THEN it escalates once, to the grid leader 赵强, with a new deadline and a history line by the system
        assertEquals(1, first.size());
        Alert level1 = first.get(0);
        assertEquals(raised.id(), level1.id());
        assertEquals(1, level1.escalationLevel());
        assertEquals("zhao", level1.escalatedTo().id());
        assertEquals("li", level1.assignee().id(), "it stays dispatched to the worker; the leader is told on top");
        assertEquals(AlertState.OPEN, level1.state());
        assertEquals(T0.plusSeconds(180), level1.acceptBy());
        AlertTransition line = last(level1);
        assertEquals(AlertAction.ESCALATED, line.action());
        assertEquals(AlertTransition.SYSTEM, line.by());
        assertEquals(T0.plusSeconds(90), line.at());
        assertTrue(line.note().contains("赵强"), line.note());
        assertEquals(List.of(), service.checkEscalations(), "one escalation per deadline, not one per check");

        // WHEN nobody accepts it for another 90 s
        f.clock.advance(Duration.ofSeconds(90));
        List<Alert> second = service.checkEscalations();
        // THEN it escalates to the duty office, the last level: no further deadline
        assertEquals(1, second.size());
        Alert level2 = second.get(0);
        assertEquals(2, level2.escalationLevel());
        assertEquals("duty", level2.escalatedTo().id());
        assertNull(level2.acceptBy());
        assertEquals(T0.plusSeconds(180), last(level2).at());
        assertTrue(last(level2).note().contains("社区值班室"), last(level2).note());
        assertEquals(0, service.awaitingAcceptance());

        // WHEN an hour passes THEN nobody is left to escalate to
        f.clock.advance(Duration.ofHours(1));
        assertEquals(List.of(), service.checkEscalations());
        assertEquals(2, escalations(service.get(raised.id()).orElseThrow()));
    }

    @Test
    @DisplayName("escalations reach the alert listeners (the notifiers) as new versions of the same alert")
    void escalationsAreNotified() {
        // GIVEN a gas alarm; the recording listener saw it raised
        Alert raised = service.raise(f.gasLeak());
        assertEquals(List.of(true), f.publishedNew);
        // WHEN it escalates twice
        f.clock.advance(Duration.ofSeconds(90));
        service.checkEscalations();
        f.clock.advance(Duration.ofSeconds(90));
        service.checkEscalations();
        // THEN the listener received both escalated versions, as updates, naming whom they went to
        assertEquals(List.of(true, false, false), f.publishedNew);
        List<Alert> versions = f.versionsOf(raised.id());
        assertEquals(List.of(0, 1, 2), versions.stream().map(Alert::escalationLevel).toList());
        assertEquals("zhao", versions.get(1).escalatedTo().id());
        assertEquals("duty", versions.get(2).escalatedTo().id());
        assertEquals(AlertAction.ESCALATED, last(versions.get(1)).action());
        assertEquals(service.get(raised.id()).orElseThrow(), versions.get(2));
    }

    @Test
    @DisplayName("accepting before the deadline stops escalation; accepting after the first escalation stops the next")
    void acceptanceStopsEscalation() {
        // GIVEN two gas alarms: 3-2-501 (elderly, 90 s) and a second one in 3-2-502 raised as CRITICAL_VULNERABLE too
        Alert early = service.raise(f.gasLeak());
        Device other = f.site.device("gas-3-2-502").orElseThrow();
        Alert late = service.raise(new AlertRequest(AlertKey.device("gas-3-2-502", AlertType.GAS_LEAK), AlertType.GAS_LEAK,
                Severity.CRITICAL_VULNERABLE, other.location(), other, ""));
        // WHEN the first is accepted at 60 s, and the second only after escalating to the leader
        f.clock.advance(Duration.ofSeconds(60));
        service.act(early.id(), AlertAction.ACCEPTED, "li", null, null);
        f.clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of(late.id()), service.checkEscalations().stream().map(Alert::id).toList());
        f.clock.advance(Duration.ofSeconds(30));
        service.act(late.id(), AlertAction.ACCEPTED, "zhao", null, null);
        f.clock.advance(Duration.ofHours(2));
        // THEN no later check escalates either of them further
        assertEquals(List.of(), service.checkEscalations());
        assertEquals(0, service.awaitingAcceptance());
        Alert e = service.get(early.id()).orElseThrow();
        assertEquals(0, e.escalationLevel());
        assertEquals(0, escalations(e));
        assertNull(e.acceptBy());
        Alert l = service.get(late.id()).orElseThrow();
        assertEquals(1, l.escalationLevel());
        assertEquals(1, escalations(l));
        assertEquals(AlertState.ACCEPTED, l.state());
    }

    @Test
    @DisplayName("each severity has the deadline from rules.escalation: CRITICAL 240 s (not the default 300), MAJOR 0 = never, MINOR the default 4 h")
    void deadlinesPerSeverityFromConfig() {
        // GIVEN the fixture's config: CRITICAL 240 s, MAJOR 0, MINOR not set
        // WHEN a smoke alarm (CRITICAL) in building 7, a bus outage (MAJOR) and a low battery (MINOR) are raised
        Alert fire = service.raise(f.fire());
        Alert bus = service.raise(f.busOffline());
        Device smoke = f.site.device("smoke-7-1-101").orElseThrow();
        Alert battery = service.raise(new AlertRequest(AlertKey.device("smoke-7-1-101", AlertType.LOW_BATTERY), AlertType.LOW_BATTERY,
                Severity.MINOR, smoke.location(), smoke, "battery 5%"));
        // THEN their deadlines are the configured ones
        assertEquals(T0.plusSeconds(240), fire.acceptBy());
        assertNull(bus.acceptBy(), "MAJOR: 0 means it never escalates");
        assertEquals(T0.plus(Duration.ofHours(4)), battery.acceptBy());
        assertEquals(2, service.awaitingAcceptance());

        // WHEN 239 s pass THEN nothing escalates; at 240 s the fire goes to the duty office (grid g2 has no leader)
        f.clock.advance(Duration.ofSeconds(239));
        assertEquals(List.of(), service.checkEscalations());
        f.clock.advance(Duration.ofSeconds(1));
        List<Alert> escalated = service.checkEscalations();
        assertEquals(List.of(fire.id()), escalated.stream().map(Alert::id).toList());
        assertEquals(1, escalated.get(0).escalationLevel());
        assertEquals("duty", escalated.get(0).escalatedTo().id());
        assertNull(escalated.get(0).acceptBy(), "the duty office is the last level");

        // WHEN a day passes THEN the low battery escalated once and the bus outage never did
        f.clock.advance(Duration.ofDays(1));
        assertEquals(List.of(battery.id()), service.checkEscalations().stream().map(Alert::id).toList());
        assertEquals(0, service.get(bus.id()).orElseThrow().escalationLevel());
    }

    @Test
    @DisplayName("without a rules.escalation section the defaults apply (CRITICAL 5 min), and with nobody above the worker nothing escalates")
    void defaultsWithoutConfig() {
        // GIVEN a service with the default policy: no duty office, so grid g2 (no leader) has nobody above 陈静
        AlertService plain = new AlertService(f.site, f.clock, EscalationPolicy.from(null), AlertStore.NONE);
        // WHEN a gas alarm in grid g1 and a smoke alarm in grid g2 are raised
        Alert gas = plain.raise(f.gasLeak());
        Alert fire = plain.raise(f.fire());
        // THEN the gas alarm gets the default 2 min deadline and the fire none
        assertEquals(T0.plusSeconds(120), gas.acceptBy());
        assertNull(fire.acceptBy());
        f.clock.advance(Duration.ofMinutes(2));
        List<Alert> escalated = plain.checkEscalations();
        assertEquals(List.of(gas.id()), escalated.stream().map(Alert::id).toList());
        assertEquals("zhao", escalated.get(0).escalatedTo().id());
        assertNull(escalated.get(0).acceptBy(), "no duty office configured: the leader is the last level");
        assertEquals(0, plain.awaitingAcceptance());
    }

    @Test
    @DisplayName("a life-safety alert cleared by the device before acceptance still escalates; a cleared minor one does not")
    void clearedLifeSafetyStillEscalates() {
        // GIVEN a gas alarm and a low battery warning, both cleared by their devices before anyone accepted them
        Alert gas = service.raise(f.gasLeak());
        Device smoke = f.site.device("smoke-7-1-101").orElseThrow();
        Alert battery = service.raise(new AlertRequest(AlertKey.device("smoke-7-1-101", AlertType.LOW_BATTERY), AlertType.LOW_BATTERY,
                Severity.MINOR, smoke.location(), smoke, ""));
        f.clock.advance(Duration.ofSeconds(20));
        service.clear(AlertFixture.GAS_KEY);
        service.clear(AlertKey.device("smoke-7-1-101", AlertType.LOW_BATTERY));
        // WHEN the deadlines pass
        f.clock.advance(Duration.ofHours(5));
        List<Alert> escalated = service.checkEscalations();
        // THEN only the gas alarm escalates: someone must still check on the elderly resident
        assertEquals(List.of(gas.id()), escalated.stream().map(Alert::id).toList());
        assertEquals(AlertState.DEVICE_CLEARED, escalated.get(0).state());
        assertEquals(0, service.get(battery.id()).orElseThrow().escalationLevel());
    }

    private static AlertTransition last(Alert a) {
        return a.history().get(a.history().size() - 1);
    }

    private static long escalations(Alert a) {
        return a.history().stream().filter(t -> t.action() == AlertAction.ESCALATED).count();
    }
}
