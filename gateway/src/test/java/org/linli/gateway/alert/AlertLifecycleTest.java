package org.linli.gateway.alert;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linli.gateway.alert.AlertFixture.T0;

/** The people's side of the grid workflow (DOMAIN.md §5) and one open alert per key (FIELD-NOTES §5). */
class AlertLifecycleTest {
    private final AlertFixture f = new AlertFixture();
    private final AlertService service = f.service(AlertStore.NONE);

    private Alert act(String id, AlertAction action, String by, Outcome outcome, String note) {
        return service.act(id, action, by, outcome, note);
    }

    /** The action is refused with a message naming the problem, and the alert and the listeners see nothing. */
    private void assertRefused(String id, AlertAction action, String by, Outcome outcome, String note, String why) {
        Alert before = service.get(id).orElseThrow();
        int publishedBefore = f.published.size();
        int awaitingBefore = service.awaitingAcceptance();
        InvalidTransitionException e = assertThrows(InvalidTransitionException.class,
                () -> act(id, action, by, outcome, note));
        assertTrue(e.getMessage().contains(why), "message '" + e.getMessage() + "' should say '" + why + "'");
        assertEquals(before, service.get(id).orElseThrow(), "a refused step changes nothing");
        assertEquals(publishedBefore, f.published.size(), "a refused step publishes nothing");
        assertEquals(awaitingBefore, service.awaitingAcceptance(), "a refused step leaves the escalation clock alone");
    }

    @Test
    @DisplayName("raised → dispatched → accepted → on site → resolved (outcome, note) → verified: every step is in the history with who and when")
    void happyPath() {
        // GIVEN a gas alarm raised at T0 in 3-2-501 (grid g1, worker 李娜)
        Alert raised = service.raise(f.gasLeak());
        // THEN it is open and dispatched at once to that building's grid worker, by the system, at T0
        assertEquals(AlertState.OPEN, raised.state());
        assertEquals("li", raised.assignee().id());
        assertEquals(List.of(AlertAction.RAISED, AlertAction.DISPATCHED), actions(raised));
        assertTrue(raised.history().get(1).note().contains("李娜"), raised.history().get(1).note());
        assertEquals(1, service.awaitingAcceptance());

        // WHEN the worker accepts, goes on site, resolves it, and the duty operator verifies, minutes apart
        f.clock.advance(Duration.ofSeconds(40));
        Alert accepted = act(raised.id(), AlertAction.ACCEPTED, "li", null, null);
        assertEquals(0, service.awaitingAcceptance(), "accepting stops the escalation clock");
        assertNull(accepted.acceptBy());
        f.clock.advance(Duration.ofMinutes(6));
        act(raised.id(), AlertAction.ON_SITE, "li", null, "敲门无人应答，物业开门");
        f.clock.advance(Duration.ofMinutes(9));
        Alert resolved = act(raised.id(), AlertAction.RESOLVED, "li", Outcome.REAL_INCIDENT, "灶具阀门未关，已关阀通风");
        f.clock.advance(Duration.ofHours(1));
        Alert closed = act(raised.id(), AlertAction.VERIFIED, "duty-wang", null, "电话回访确认");

        // THEN the alert is closed with the outcome and each step is one history line: action, from → to, by, at
        assertEquals(AlertState.RESOLVED, resolved.state());
        assertEquals(AlertState.CLOSED, closed.state());
        assertEquals(Outcome.REAL_INCIDENT, closed.outcome());
        List<AlertTransition> h = closed.history();
        assertEquals(List.of(AlertAction.RAISED, AlertAction.DISPATCHED, AlertAction.ACCEPTED, AlertAction.ON_SITE,
                AlertAction.RESOLVED, AlertAction.VERIFIED), actions(closed));
        assertEquals(List.of("system", "system", "li", "li", "li", "duty-wang"),
                h.stream().map(AlertTransition::by).toList());
        assertEquals(List.of(T0, T0, T0.plusSeconds(40), T0.plusSeconds(400), T0.plusSeconds(940),
                T0.plusSeconds(4540)), h.stream().map(AlertTransition::at).toList());
        assertEquals(List.of(AlertState.OPEN, AlertState.OPEN, AlertState.ACCEPTED, AlertState.ON_SITE,
                AlertState.RESOLVED, AlertState.CLOSED), h.stream().map(AlertTransition::to).toList());
        assertEquals(AlertState.ON_SITE, h.get(4).from());
        assertEquals(Outcome.REAL_INCIDENT, h.get(4).outcome());
        assertEquals("灶具阀门未关，已关阀通风", h.get(4).note());
        assertEquals("敲门无人应答，物业开门", h.get(3).note());
        // AND every step was published as a new version of the same alert
        List<Alert> versions = f.versionsOf(raised.id());
        assertEquals(List.of(true, false, false, false, false), f.publishedNew);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), versions.stream().map(Alert::version).toList());
        assertEquals(closed, service.get(raised.id()).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Outcome.class, names = {"FALSE_ALARM_COOKING", "FALSE_ALARM_TEST", "RESIDENT_AWAY", "DEVICE_FAULT"})
    @DisplayName("an open alert is dismissed as false with its reason and a note, recorded on the alert and in the history; the key is free again")
    void dismissAsFalse(Outcome reason) {
        // GIVEN a smoke alarm nobody has accepted yet
        Alert raised = service.raise(f.fire());
        f.clock.advance(Duration.ofSeconds(75));
        // WHEN the grid worker dismisses it as a false alarm with a reason
        Alert dismissed = act(raised.id(), AlertAction.DISMISSED, "chen", reason, "电话确认：" + reason);
        // THEN it is DISMISSED with that outcome, the line says who, when, why
        assertEquals(AlertState.DISMISSED, dismissed.state());
        assertEquals(reason, dismissed.outcome());
        AlertTransition last = dismissed.history().get(dismissed.history().size() - 1);
        assertEquals(new AlertTransition(T0.plusSeconds(75), AlertAction.DISMISSED, AlertState.OPEN,
                AlertState.DISMISSED, "chen", reason, "电话确认：" + reason), last);
        // AND it no longer escalates or holds its key
        assertEquals(0, service.awaitingAcceptance());
        assertTrue(service.open(AlertFixture.FIRE_KEY).isEmpty());
    }

    @Test
    @DisplayName("dismissing needs a false-alarm reason: none, REAL_INCIDENT, or OTHER without a note are refused and change nothing")
    void dismissNeedsReason() {
        // GIVEN an open smoke alarm
        String id = service.raise(f.fire()).id();
        // WHEN it is dismissed without a reason, as a real incident, or as OTHER without saying what
        // THEN each is refused with a message saying what is missing
        assertRefused(id, AlertAction.DISMISSED, "chen", null, "误报", "'outcome' is missing");
        assertRefused(id, AlertAction.DISMISSED, "chen", Outcome.REAL_INCIDENT, "", "real incident cannot be dismissed");
        assertRefused(id, AlertAction.DISMISSED, "chen", Outcome.OTHER, " ", "OTHER needs a note");
        // AND OTHER with a note is accepted and kept
        Alert dismissed = act(id, AlertAction.DISMISSED, "chen", Outcome.OTHER, "装修粉尘");
        assertEquals(Outcome.OTHER, dismissed.outcome());
        assertEquals("装修粉尘", dismissed.history().get(dismissed.history().size() - 1).note());
    }

    @Test
    @DisplayName("resolving needs an outcome code; a false alarm found on site is resolved with its reason")
    void resolveNeedsOutcome() {
        // GIVEN an accepted gas alarm
        String id = service.raise(f.gasLeak()).id();
        act(id, AlertAction.ACCEPTED, "li", null, null);
        // WHEN it is resolved without an outcome THEN that is refused
        assertRefused(id, AlertAction.RESOLVED, "li", null, "处理完毕", "'outcome' is missing");
        // WHEN it is resolved as cooking steam THEN the reason is on the alert and its line
        f.clock.advance(Duration.ofMinutes(3));
        Alert resolved = act(id, AlertAction.RESOLVED, "li", Outcome.FALSE_ALARM_COOKING, "炖汤溢出");
        assertEquals(Outcome.FALSE_ALARM_COOKING, resolved.outcome());
        AlertTransition last = resolved.history().get(resolved.history().size() - 1);
        assertEquals(AlertAction.RESOLVED, last.action());
        assertEquals(AlertState.ACCEPTED, last.from(), "an accepted alert may be resolved without an on-site step");
        assertEquals(Outcome.FALSE_ALARM_COOKING, last.outcome());
        assertEquals(T0.plusSeconds(180), last.at());
        // AND verifying keeps the outcome
        assertEquals(Outcome.FALSE_ALARM_COOKING, act(id, AlertAction.VERIFIED, "duty-wang", null, null).outcome());
    }

    @Test
    @DisplayName("steps the state does not allow are refused with the state and what is allowed, and change nothing")
    void invalidTransitions() {
        // GIVEN an open gas alarm
        String id = service.raise(f.gasLeak()).id();
        // THEN nobody may resolve, go on site or verify before accepting
        assertRefused(id, AlertAction.RESOLVED, "li", Outcome.REAL_INCIDENT, "x", "is OPEN: cannot resolve it");
        assertRefused(id, AlertAction.ON_SITE, "li", null, null, "is OPEN: cannot report on site for it");
        assertRefused(id, AlertAction.VERIFIED, "duty-wang", null, null, "is OPEN: cannot verify it");
        // AND the system's own steps cannot be taken by a person, and every step needs who took it
        assertRefused(id, AlertAction.ESCALATED, "li", null, null, "done by the gateway");
        assertRefused(id, AlertAction.RAISED, "li", null, null, "done by the gateway");
        assertRefused(id, AlertAction.ACCEPTED, " ", null, null, "'by' is missing");
        assertRefused(id, AlertAction.ACCEPTED, null, null, null, "'by' is missing");

        // WHEN it is accepted THEN accepting again is refused
        act(id, AlertAction.ACCEPTED, "li", null, null);
        assertRefused(id, AlertAction.ACCEPTED, "zhao", null, null, "is ACCEPTED: cannot accept it");

        // WHEN it is resolved and verified THEN the closed alert takes no step at all
        act(id, AlertAction.RESOLVED, "li", Outcome.DEVICE_FAULT, "探头老化");
        assertRefused(id, AlertAction.DISMISSED, "li", Outcome.FALSE_ALARM_TEST, "x", "is RESOLVED: cannot dismiss it");
        act(id, AlertAction.VERIFIED, "duty-wang", null, null);
        for (AlertAction a : AlertLifecycle.humanActions()) {
            assertRefused(id, a, "duty-wang", Outcome.FALSE_ALARM_TEST, "x", "is CLOSED: cannot");
        }
    }

    @Test
    @DisplayName("a dismissed alert takes no further step, and an unknown alert id is a NoSuchElementException")
    void dismissedIsTerminal() {
        // GIVEN a dismissed alert
        String id = service.raise(f.fire()).id();
        act(id, AlertAction.DISMISSED, "chen", Outcome.FALSE_ALARM_TEST, "消防演练");
        // THEN accepting or verifying it is refused
        assertRefused(id, AlertAction.ACCEPTED, "chen", null, null, "is DISMISSED: cannot accept it");
        assertRefused(id, AlertAction.VERIFIED, "duty-wang", null, null, "is DISMISSED: cannot verify it");
        // AND an id the service does not know is not found
        NoSuchElementException e = assertThrows(NoSuchElementException.class,
                () -> act("A999-nope", AlertAction.ACCEPTED, "chen", null, null));
        assertTrue(e.getMessage().contains("A999-nope"));
    }

    @Test
    @DisplayName("repeats of an open alert count up and move last-seen, whatever its workflow state, without a new alert or history line")
    void repeatsCountUp() {
        // GIVEN a gas alarm raised at T0
        Alert first = service.raise(f.gasLeak());
        // WHEN the same condition is reported again 10 s and 20 s later
        f.clock.advance(Duration.ofSeconds(10));
        service.raise(f.gasLeak());
        f.clock.advance(Duration.ofSeconds(10));
        Alert third = service.raise(f.gasLeak());
        // THEN there is still one alert, counted 3 times, last seen now, raised at T0
        assertEquals(first.id(), third.id());
        assertEquals(1, service.list().size());
        assertEquals(3, third.count());
        assertEquals(T0, third.raisedAt());
        assertEquals(T0.plusSeconds(20), third.lastSeenAt());
        assertEquals(first.history(), third.history(), "a repeat is not a workflow step");
        assertEquals(first.acceptBy(), third.acceptBy(), "a repeat does not push the escalation deadline back");
        assertEquals(List.of(true, false, false), f.publishedNew);

        // WHEN it is accepted and the alarm repeats once more
        act(first.id(), AlertAction.ACCEPTED, "li", null, null);
        f.clock.advance(Duration.ofSeconds(10));
        Alert fourth = service.raise(f.gasLeak());
        // THEN the accepted alert counts it and stays ACCEPTED
        assertEquals(first.id(), fourth.id());
        assertEquals(4, fourth.count());
        assertEquals(AlertState.ACCEPTED, fourth.state());
        assertEquals(1, service.list().size());
    }

    @Test
    @DisplayName("once an alert is closed, the same condition opens a new alert; the closed one stays as it was")
    void newAlertAfterClosed() {
        // GIVEN a gas alarm that was handled and closed
        Alert old = service.raise(f.gasLeak());
        service.raise(f.gasLeak());
        act(old.id(), AlertAction.ACCEPTED, "li", null, null);
        act(old.id(), AlertAction.RESOLVED, "li", Outcome.FALSE_ALARM_TEST, "月度测试");
        Alert closed = act(old.id(), AlertAction.VERIFIED, "duty-wang", null, null);
        assertTrue(service.open(AlertFixture.GAS_KEY).isEmpty());
        // WHEN the alarm goes off again a minute later
        f.clock.advance(Duration.ofMinutes(1));
        Alert fresh = service.raise(f.gasLeak());
        // THEN it is a new alert: new id, count 1, open, dispatched, with its own escalation deadline
        assertNotEquals(old.id(), fresh.id());
        assertEquals(1, fresh.count());
        assertEquals(AlertState.OPEN, fresh.state());
        assertEquals(T0.plusSeconds(60), fresh.raisedAt());
        assertEquals(T0.plusSeconds(60 + 90), fresh.acceptBy());
        assertEquals(fresh, service.open(AlertFixture.GAS_KEY).orElseThrow());
        assertEquals(List.of(true, false, false, false, false, true), f.publishedNew);
        // AND the closed one is untouched
        assertEquals(closed, service.get(old.id()).orElseThrow());
        assertEquals(2, service.list().size());
    }

    @Test
    @DisplayName("a dismissed alert frees its key too: the next alarm is a new alert, not a repeat of the dismissed one")
    void newAlertAfterDismissed() {
        // GIVEN a smoke alarm dismissed as cooking
        Alert old = service.raise(f.fire());
        act(old.id(), AlertAction.DISMISSED, "chen", Outcome.FALSE_ALARM_COOKING, "炒菜");
        // WHEN the detector goes off again
        f.clock.advance(Duration.ofMinutes(5));
        Alert fresh = service.raise(f.fire());
        // THEN a new open alert is raised and the dismissed one keeps count 1
        assertNotEquals(old.id(), fresh.id());
        assertEquals(AlertState.OPEN, fresh.state());
        assertEquals(1, service.get(old.id()).orElseThrow().count());
        assertEquals(AlertState.DISMISSED, service.get(old.id()).orElseThrow().state());
    }

    @Test
    @DisplayName("an alert the device cleared before anyone accepted it still goes through the workflow: accept, resolve, verify")
    void deviceClearedStillHandled() {
        // GIVEN a gas alarm whose detector reported the condition over 30 s later
        Alert raised = service.raise(f.gasLeak());
        f.clock.advance(Duration.ofSeconds(30));
        Alert cleared = service.clear(AlertFixture.GAS_KEY).orElseThrow();
        assertEquals(AlertState.DEVICE_CLEARED, cleared.state());
        AlertTransition clearLine = cleared.history().get(cleared.history().size() - 1);
        assertEquals(AlertAction.DEVICE_CLEARED, clearLine.action());
        assertEquals(Instant.parse("2026-11-22T02:00:30Z"), clearLine.at());
        // WHEN the worker accepts and resolves it
        act(raised.id(), AlertAction.ACCEPTED, "li", null, null);
        Alert resolved = act(raised.id(), AlertAction.RESOLVED, "li", Outcome.RESIDENT_AWAY, "住户外出，邻居确认无异味");
        // THEN it follows the same workflow
        assertEquals(AlertState.RESOLVED, resolved.state());
        assertEquals(AlertState.DEVICE_CLEARED, resolved.history().get(3).from());
        assertEquals(AlertState.CLOSED, act(raised.id(), AlertAction.VERIFIED, "duty-wang", null, null).state());
    }

    private static List<AlertAction> actions(Alert a) {
        return a.history().stream().map(AlertTransition::action).toList();
    }
}
