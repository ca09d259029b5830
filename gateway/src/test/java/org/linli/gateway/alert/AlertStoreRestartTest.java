package org.linli.gateway.alert;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linli.gateway.alert.AlertFixture.T0;

/**
 * The real SQLite store in a temporary data directory, restarted the way the gateway starts: open → load → a new
 * {@link AlertService} → restore (Gateway.startIngest). The clock is the fixture's, so "time passes during the
 * restart" is a clock move, not a sleep.
 */
class AlertStoreRestartTest {
    @TempDir
    Path dataDir;

    private final AlertFixture f = new AlertFixture();
    private SqliteAlertStore store;
    private AlertService service;

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    /** Opens the store and starts a service on what it holds, as the gateway does at start. */
    private SqliteAlertStore.Snapshot start() throws Exception {
        store = await(SqliteAlertStore.open(dataDir));
        SqliteAlertStore.Snapshot snapshot = await(store.load(AlertRetention.DEFAULT, f.clock.instant()));
        service = f.service(store);
        service.restore(snapshot.alerts());
        return snapshot;
    }

    /** Stops the gateway (pending writes finish, the database closes, the service is gone) and starts it again. */
    private SqliteAlertStore.Snapshot restart() throws Exception {
        await(store.close());
        store = null;
        service = null;
        return start();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store != null) {
            await(store.close());
        }
    }

    @Test
    @DisplayName("alerts survive a restart field by field: state, count, outcome, notes, evidence, escalation level, and the history with who and when")
    void alertsSurviveRestart() throws Exception {
        // GIVEN a gas alarm that repeated, got a snapshot, and was handled up to RESOLVED
        start();
        Alert gas = service.raise(f.gasLeak());
        f.clock.advance(Duration.ofSeconds(15));
        service.raise(f.gasLeak());
        service.attachEvidence(gas.id(), "/api/snapshots/cam-3-door-1");
        f.clock.advance(Duration.ofSeconds(30));
        service.act(gas.id(), AlertAction.ACCEPTED, "li", null, null);
        f.clock.advance(Duration.ofMinutes(5));
        service.act(gas.id(), AlertAction.ON_SITE, "li", null, "物业陪同入户");
        service.act(gas.id(), AlertAction.RESOLVED, "li", Outcome.FALSE_ALARM_COOKING, "炖汤溢出，已通风");
        // AND a smoke alarm that escalated to the duty office, and a bus outage with no device and no flat
        Alert fire = service.raise(f.fire());
        f.clock.advance(Duration.ofSeconds(240));
        assertEquals(1, service.checkEscalations().size());
        Alert bus = service.raise(new AlertRequest(AlertKey.bus("/dev/ttyUSB9"), AlertType.BUS_OFFLINE, Severity.MAJOR, null,
                null, "no building"));
        Map<String, Alert> before = byId(service.list());

        // WHEN the gateway restarts
        SqliteAlertStore.Snapshot snapshot = restart();

        // THEN the store held all three, in raise order, each with its key and whether it still holds it
        assertEquals(List.of(gas.id(), fire.id(), bus.id()), snapshot.alerts().stream().map(s -> s.alert().id()).toList());
        assertEquals(List.of(AlertFixture.GAS_KEY.value(), AlertFixture.FIRE_KEY.value(), "bus:/dev/ttyUSB9"),
                snapshot.alerts().stream().map(AlertStore.Stored::key).toList());
        assertEquals(List.of(false, true, true), snapshot.alerts().stream().map(AlertStore.Stored::keyOpen).toList());
        // AND the restored service has every alert exactly as it was (every field of the record)
        assertEquals(before, byId(service.list()));
        // AND, spelled out for the fields the workflow depends on
        Alert g = service.get(gas.id()).orElseThrow();
        assertEquals(AlertState.RESOLVED, g.state());
        assertEquals(2, g.count());
        assertEquals(T0.plusSeconds(15), g.lastSeenAt());
        assertEquals(Outcome.FALSE_ALARM_COOKING, g.outcome());
        assertEquals(List.of("/api/snapshots/cam-3-door-1"), g.evidence());
        assertEquals(List.of("system", "system", "li", "li", "li"), g.history().stream().map(AlertTransition::by).toList());
        assertEquals(List.of(T0, T0, T0.plusSeconds(45), T0.plusSeconds(345), T0.plusSeconds(345)),
                g.history().stream().map(AlertTransition::at).toList());
        assertEquals("炖汤溢出，已通风", g.history().get(4).note());
        assertEquals(Outcome.FALSE_ALARM_COOKING, g.history().get(4).outcome());
        Alert fr = service.get(fire.id()).orElseThrow();
        assertEquals(1, fr.escalationLevel());
        assertEquals("duty", fr.escalatedTo().id());
        assertEquals(AlertAction.ESCALATED, fr.history().get(fr.history().size() - 1).action());
        assertEquals(null, service.get(bus.id()).orElseThrow().location());
        assertEquals("duty", service.get(bus.id()).orElseThrow().assignee().id(), "no building: the duty office");
        assertTrue(Files.exists(dataDir.resolve("alerts").resolve("alerts.db")));
        assertEquals(0, store.writeFailures());
    }

    @Test
    @DisplayName("a restart in the middle of an escalation deadline: the deadline is kept and the alert escalates exactly once after it")
    void restartMidDeadline() throws Exception {
        // GIVEN a gas alarm raised at T0 with a 90 s deadline
        start();
        Alert gas = service.raise(f.gasLeak());
        assertEquals(T0.plusSeconds(90), gas.acceptBy());
        // AND the gateway restarts at T0 + 45 s
        f.clock.advance(Duration.ofSeconds(45));
        restart();
        int publishedAtRestart = f.published.size();

        // THEN the new service waits for the same deadline, not a new one counted from the restart
        assertEquals(1, service.awaitingAcceptance());
        assertEquals(T0.plusSeconds(90), service.get(gas.id()).orElseThrow().acceptBy());
        f.clock.advance(Duration.ofSeconds(44));
        assertEquals(List.of(), service.checkEscalations(), "T0 + 89 s: not yet");

        // WHEN the clock passes the deadline (T0 + 91 s) and the periodic check runs, twice
        f.clock.advance(Duration.ofSeconds(2));
        List<Alert> escalated = service.checkEscalations();
        List<Alert> again = service.checkEscalations();

        // THEN it escalated exactly once, to the grid leader, and the listeners heard of it once
        assertEquals(List.of(gas.id()), escalated.stream().map(Alert::id).toList());
        assertEquals(List.of(), again);
        Alert a = service.get(gas.id()).orElseThrow();
        assertEquals(1, a.escalationLevel());
        assertEquals("zhao", a.escalatedTo().id());
        assertEquals(1, a.history().stream().filter(t -> t.action() == AlertAction.ESCALATED).count());
        assertEquals(T0.plusSeconds(91), a.history().get(a.history().size() - 1).at());
        assertEquals(List.of(a), f.published.subList(publishedAtRestart, f.published.size()));

        // AND the escalation itself is stored: after another restart it is level 1 with the next deadline pending
        restart();
        Alert reloaded = service.get(gas.id()).orElseThrow();
        assertEquals(a, reloaded);
        assertEquals(T0.plusSeconds(91 + 90), reloaded.acceptBy());
        assertEquals(1, service.awaitingAcceptance());
    }

    @Test
    @DisplayName("a gateway down past two deadlines escalates one level at the first check after the restart, and the next a full deadline later")
    void downPastTwoDeadlines() throws Exception {
        // GIVEN a gas alarm raised at T0 with a 90 s deadline, and the gateway down from T0 + 10 s to T0 + 300 s
        start();
        Alert gas = service.raise(f.gasLeak());
        f.clock.advance(Duration.ofSeconds(10));
        await(store.close());
        store = null;
        f.clock.advance(Duration.ofSeconds(290));
        start();
        // WHEN the first checks run after the restart
        List<Alert> first = service.checkEscalations();
        List<Alert> second = service.checkEscalations();
        // THEN one level (the grid leader), not both at once: each level must be given its time to answer
        assertEquals(List.of(gas.id()), first.stream().map(Alert::id).toList());
        assertEquals(List.of(), second);
        Alert a = service.get(gas.id()).orElseThrow();
        assertEquals(1, a.escalationLevel());
        assertEquals(T0.plusSeconds(300 + 90), a.acceptBy(), "the next level a full deadline after this one");
        // AND the duty office follows when that deadline passes
        f.clock.advance(Duration.ofSeconds(91));
        assertEquals(List.of(gas.id()), service.checkEscalations().stream().map(Alert::id).toList());
        assertEquals(2, service.get(gas.id()).orElseThrow().escalationLevel());
    }

    @Test
    @DisplayName("an alert accepted before a restart does not escalate after it, while an unaccepted one does")
    void acceptedBeforeRestartDoesNotEscalate() throws Exception {
        // GIVEN two gas-type alarms raised at T0 (90 s deadline) and a fire (240 s); the gas alarm is accepted at 30 s
        start();
        Alert gas = service.raise(f.gasLeak());
        Alert fire = service.raise(f.fire());
        f.clock.advance(Duration.ofSeconds(30));
        service.act(gas.id(), AlertAction.ACCEPTED, "li", null, null);
        // WHEN the gateway restarts and the clock passes both deadlines
        restart();
        assertEquals(1, service.awaitingAcceptance());
        f.clock.advance(Duration.ofMinutes(10));
        // THEN only the unaccepted fire escalates; the accepted gas alarm stays at level 0, ACCEPTED
        assertEquals(List.of(fire.id()), service.checkEscalations().stream().map(Alert::id).toList());
        Alert g = service.get(gas.id()).orElseThrow();
        assertEquals(AlertState.ACCEPTED, g.state());
        assertEquals(0, g.escalationLevel());
        assertEquals(List.of(), service.checkEscalations());
    }

    @Test
    @DisplayName("an open alert still holds its key after a restart (a repeat updates it); a resolved one does not")
    void openKeyHeldAfterRestart() throws Exception {
        // GIVEN an open gas alarm and a smoke alarm that was dismissed as false
        start();
        Alert gas = service.raise(f.gasLeak());
        Alert fire = service.raise(f.fire());
        service.act(fire.id(), AlertAction.DISMISSED, "chen", Outcome.FALSE_ALARM_TEST, "演练");
        // WHEN the gateway restarts and both conditions are reported again 10 s later
        restart();
        f.clock.advance(Duration.ofSeconds(10));
        Alert gasAgain = service.raise(f.gasLeak());
        Alert fireAgain = service.raise(f.fire());
        // THEN the gas alarm is a repeat of the same alert (count 2), and the dismissed fire a new alert
        assertEquals(gas.id(), gasAgain.id());
        assertEquals(2, gasAgain.count());
        assertEquals(T0.plusSeconds(10), gasAgain.lastSeenAt());
        assertNotEquals(fire.id(), fireAgain.id());
        assertEquals(1, fireAgain.count());
        assertEquals(3, service.list().size());
        assertEquals(AlertState.DISMISSED, service.get(fire.id()).orElseThrow().state());
        // AND the repeat was stored: another restart still shows count 2
        restart();
        assertEquals(2, service.get(gas.id()).orElseThrow().count());
        assertEquals(gas.id(), service.open(AlertFixture.GAS_KEY).orElseThrow().id());
    }

    @Test
    @DisplayName("a new alert after a restart never takes the id of a restored one, even when the clock reads the same millisecond")
    void idsStayUniqueAcrossRestart() throws Exception {
        // GIVEN a gas alarm raised at T0 and awaiting acceptance
        start();
        Alert gas = service.raise(f.gasLeak());
        // WHEN the gateway restarts and a smoke alarm is raised while the clock reads T0 again (an edge box without
        // a real-time clock can come up at an earlier saved time; the first id of a run is "A1-<millis>")
        restart();
        Alert fire = service.raise(f.fire());
        // THEN the fire is a new alert beside the gas alarm, which is untouched in memory and on disk
        assertNotEquals(gas.id(), fire.id());
        assertEquals(gas, service.get(gas.id()).orElseThrow());
        assertEquals(2, service.list().size());
        restart();
        assertEquals(gas, service.get(gas.id()).orElseThrow());
        assertEquals(fire, service.get(fire.id()).orElseThrow());
        // AND the gas alarm still escalates at its own deadline, the fire at its own
        f.clock.advance(Duration.ofSeconds(90));
        assertEquals(List.of(gas.id()), service.checkEscalations().stream().map(Alert::id).toList());
    }

    @Test
    @DisplayName("water samples survive a restart, oldest first per meter, and samples more than 26 h older than a meter's newest are dropped")
    void waterSamplesSurviveRestart() throws Exception {
        // GIVEN samples of two meters over 30 hours, written out of order for one of them
        start();
        for (int h = 30; h >= 0; h -= 2) {
            store.saveWaterSample("water-3-2-501", T0.plus(java.time.Duration.ofHours(30 - h)), 100 + (30 - h) * 0.01);
        }
        store.saveWaterSample("water-7-1-101", T0.plusSeconds(60), 5.5);
        store.saveWaterSample("water-7-1-101", T0, 5.0);
        // WHEN the gateway restarts
        SqliteAlertStore.Snapshot snapshot = restart();
        // THEN each meter's samples come back oldest first, the older than 26 h before the newest gone
        List<AlertStore.WaterSample> a = snapshot.water().get("water-3-2-501");
        assertEquals(T0.plus(java.time.Duration.ofHours(4)), a.get(0).at(), "kept from newest - 26 h");
        assertEquals(T0.plus(java.time.Duration.ofHours(30)), a.get(a.size() - 1).at());
        assertEquals(100.30, a.get(a.size() - 1).totalM3(), 1e-9);
        assertEquals(14, a.size());
        assertEquals(List.of(new AlertStore.WaterSample(T0, 5.0), new AlertStore.WaterSample(T0.plusSeconds(60), 5.5)),
                snapshot.water().get("water-7-1-101"));
    }

    private static Map<String, Alert> byId(List<Alert> alerts) {
        return alerts.stream().collect(Collectors.toMap(Alert::id, Function.identity()));
    }
}
