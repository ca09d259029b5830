package org.linli.gateway.alert;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.site.Location;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention of closed alerts, with the real SQLite store and the fixture's clock: the service holds every open alert
 * and a window of terminal ones; the terminal alerts it lets go stay in the store, found by id and on the closed pages;
 * at start only the open alerts and the window are read.
 */
class AlertRetentionTest {
    @TempDir
    Path dataDir;

    private final AlertFixture f = new AlertFixture();
    private SqliteAlertStore store;
    private AlertService service;

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private SqliteAlertStore.Snapshot start(AlertRetention retention) throws Exception {
        if (store != null) {
            await(store.close());
        }
        store = await(SqliteAlertStore.open(dataDir, f.clock));
        SqliteAlertStore.Snapshot snapshot = await(store.load(retention, f.clock.instant()));
        service = f.service(store);
        service.retain(retention);
        service.continueSequenceAfter(snapshot.highestSequence());
        service.restore(snapshot.alerts());
        return snapshot;
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            await(store.close());
        }
    }

    /** A smoke alarm in building 3 (grid g1) or 7 (grid g2) with its own key, raised now. */
    private Alert raise(int n, String building) {
        return service.raise(new AlertRequest(AlertKey.device("smoke-" + n, AlertType.FIRE), AlertType.FIRE, Severity.CRITICAL,
                Location.parse(building + "-1-101"), null, "smoke " + n));
    }

    private Alert dismiss(Alert a) {
        return service.act(a.id(), AlertAction.DISMISSED, "duty", Outcome.FALSE_ALARM_TEST, "drill");
    }

    @Test
    @DisplayName("with closedAlertsInMemory 3, the alert closed fourth lets the oldest closed one go from memory; it stays in the store, found by id; open alerts stay whatever their age")
    void countBoundEvictsOnTheClosingChange() throws Exception {
        // GIVEN a window of 3 closed alerts, a RESOLVED alert (still waiting for verification) and 4 alerts to dismiss
        start(new AlertRetention(Duration.ofDays(7), 3));
        Alert resolved = raise(0, "3");
        service.act(resolved.id(), AlertAction.ACCEPTED, "li", null, null);
        service.act(resolved.id(), AlertAction.RESOLVED, "li", Outcome.REAL_INCIDENT, "灭火");
        List<Alert> closed = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            f.clock.advance(Duration.ofMinutes(1));
            closed.add(dismiss(raise(i, "7")));
        }
        assertEquals(4, service.list().size());

        // WHEN a fourth alert is dismissed
        f.clock.advance(Duration.ofMinutes(1));
        closed.add(dismiss(raise(4, "7")));

        // THEN the first dismissed one left memory, the three newest and the RESOLVED one are there
        assertTrue(service.get(closed.get(0).id()).isEmpty());
        assertEquals(new HashSet<>(List.of(resolved.id(), closed.get(1).id(), closed.get(2).id(), closed.get(3).id())),
                new HashSet<>(service.list().stream().map(Alert::id).toList()));
        // AND it is still in the store: found by id, exactly as it was closed
        assertEquals(closed.get(0), await(service.lookup(closed.get(0).id())).orElseThrow());
        assertTrue(await(service.lookup("A999-nope")).isEmpty());
    }

    @Test
    @DisplayName("a closed alert older than closedAlertsDays leaves memory at the next sweep; a RESOLVED one raised as long ago stays")
    void ageBoundEvictsOnTheSweep() throws Exception {
        // GIVEN a window of 7 days, one alert dismissed now and one resolved now
        start(new AlertRetention(Duration.ofDays(7), 1000));
        Alert dismissed = dismiss(raise(1, "7"));
        Alert resolved = raise(2, "3");
        service.act(resolved.id(), AlertAction.ACCEPTED, "li", null, null);
        service.act(resolved.id(), AlertAction.RESOLVED, "li", Outcome.REAL_INCIDENT, "");
        // WHEN 7 days pass (still in the window), then one more minute, and the periodic sweep runs each time
        f.clock.advance(Duration.ofDays(7));
        assertEquals(0, service.sweepClosed());
        f.clock.advance(Duration.ofMinutes(1));
        assertEquals(1, service.sweepClosed());
        // THEN the dismissed alert is out of memory and still in the store; the resolved one stays
        assertTrue(service.get(dismissed.id()).isEmpty());
        assertEquals(dismissed, await(service.lookup(dismissed.id())).orElseThrow());
        assertEquals(List.of(resolved.id()), service.list().stream().map(Alert::id).toList());
    }

    @Test
    @DisplayName("at start only the open alerts and the window are read (30 closed in the store, 10 in the window); every closed one is on the closed pages, newest closed first, once each, and a grid's pages hold only that grid")
    void startReadsTheWindowAndPagesReachTheRest() throws Exception {
        // GIVEN 2 open alerts and 30 dismissed ones, alternately of grid g1 (building 3) and g2 (building 7)
        start(AlertRetention.DEFAULT);
        Alert open1 = raise(100, "3");
        Alert open2 = raise(101, "7");
        List<Alert> closed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            f.clock.advance(Duration.ofMinutes(1));
            closed.add(dismiss(raise(i, i % 2 == 0 ? "3" : "7")));
        }

        // WHEN the gateway restarts with a window of 10 closed alerts
        SqliteAlertStore.Snapshot snapshot = start(new AlertRetention(Duration.ofDays(7), 10));

        // THEN the store read the 2 open ones and the 10 newest closed, no more
        assertEquals(12, snapshot.alerts().size());
        assertEquals(12, snapshot.report().restored());
        List<String> newestTen = closed.subList(20, 30).stream().map(Alert::id).toList();
        assertEquals(new HashSet<>(concat(List.of(open1.id(), open2.id()), newestTen)),
                new HashSet<>(service.list().stream().map(Alert::id).toList()));
        // AND the closed pages of 7 reach all 30, newest closed first, each once
        List<String> paged = new ArrayList<>();
        ClosedCursor cursor = null;
        int pages = 0;
        do {
            AlertStore.ClosedPage page = await(service.closed(null, cursor, 7));
            page.alerts().forEach(a -> paged.add(a.id()));
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertEquals(5, pages);
        List<String> newestFirst = new ArrayList<>(closed.stream().map(Alert::id).toList());
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, paged);
        // AND grid g2's pages hold its 15 alerts only
        AlertStore.ClosedPage g2 = await(service.closed("g2", null, 500));
        assertEquals(15, g2.alerts().size());
        assertTrue(g2.alerts().stream().allMatch(a -> "g2".equals(a.gridId())));
        assertNull(g2.next());
        // AND a cursor's token round-trips
        ClosedCursor c = new ClosedCursor(123L, "A1-x:y");
        assertEquals(c, ClosedCursor.parse(c.token()).orElseThrow());
        assertTrue(ClosedCursor.parse("garbage!").isEmpty());
    }

    @Test
    @DisplayName("a new alert after a restart never takes the id of a closed alert no longer in memory, even when the clock reads the same millisecond")
    void idsStayUniqueAgainstClosedAlertsOutOfMemory() throws Exception {
        // GIVEN no closed alert kept in memory, and an alert raised and dismissed at T0 (its id "A1-<T0>")
        start(new AlertRetention(Duration.ofDays(7), 0));
        Alert old = dismiss(raise(1, "7"));
        assertTrue(service.get(old.id()).isEmpty());
        // WHEN the gateway restarts with its clock at T0 again (an edge box without a real-time clock) and raises an alert
        start(new AlertRetention(Duration.ofDays(7), 0));
        Alert fresh = raise(2, "3");
        // THEN the new alert has an id of its own, and the closed one is untouched in the store
        assertTrue(!fresh.id().equals(old.id()), fresh.id());
        await(store.flush());
        assertEquals(old, await(service.lookup(old.id())).orElseThrow());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
