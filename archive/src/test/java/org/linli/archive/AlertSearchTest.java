package org.linli.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.archive.query.AlertFilter;
import org.linli.archive.query.AlertPage;
import org.linli.archive.query.AlertRow;
import org.linli.archive.query.AlertSearch;
import org.linli.archive.query.ArchiveScope;
import org.linli.archive.query.Period;

/** Alerts are found by street, community, compound, grid, type and period, newest first, a page at a time. */
class AlertSearchTest {
    private static final Period DECEMBER = Period.month(YearMonth.of(2026, 12), ZoneId.of("Asia/Shanghai"));
    private static ArchiveDatabase db;
    private static AlertSearch search;

    @BeforeAll
    static void load() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        db = ArchiveDatabase.open(pg.createDatabase("search"), pg.user(), "", 4);
        KnownScenario.load(new AlertArchive(db.dataSource()));
        search = new AlertSearch(db.dataSource());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<String> keys(AlertPage page) {
        return page.alerts().stream().map(a -> a.compound() + "/" + a.id()).toList();
    }

    @Test
    void eachScopeFindsItsOwnAlertsOfThePeriodNewestFirst() throws Exception {
        // GIVEN the known scenario; WHEN each scope's December is listed
        // THEN community c1 has its 8 alerts newest first (x1/A0 was raised in November)
        assertEquals(List.of("x1/A6", "x2/A2", "x1/A5", "x1/A4", "x1/A3", "x2/A1", "x1/A2", "x1/A1"),
                keys(search.find(AlertFilter.of(ArchiveScope.community("c1"), DECEMBER))));
        assertEquals(9, search.find(AlertFilter.of(ArchiveScope.street("s1"), DECEMBER)).alerts().size());
        assertEquals(List.of("x3/A1"), keys(search.find(AlertFilter.of(ArchiveScope.community("c2"), DECEMBER))));
        assertEquals(List.of("x2/A2", "x2/A1"), keys(search.find(AlertFilter.of(ArchiveScope.compound("x2"), DECEMBER))));
        assertEquals(List.of("x1/A6"), keys(search.find(AlertFilter.of(ArchiveScope.grid("x1", "g2"), DECEMBER))));
        assertEquals(List.of("x2/A2", "x1/A5", "x1/A2"),
                keys(search.find(AlertFilter.of(ArchiveScope.community("c1"), DECEMBER).withType("FIRE"))));
        assertEquals(10, search.find(AlertFilter.of(ArchiveScope.district(),
                new Period(DECEMBER.from().minusSeconds(86400), DECEMBER.to()))).alerts().size());
    }

    @Test
    void pagesFollowOneAnotherWithoutGapOrRepeat() throws Exception {
        // GIVEN c1's 8 December alerts; WHEN read 3 at a time
        AlertFilter f = AlertFilter.of(ArchiveScope.community("c1"), DECEMBER);
        AlertPage first = search.find(f.page(0, 3));
        AlertPage second = search.find(f.page(3, 3));
        AlertPage third = search.find(f.page(6, 3));

        // THEN 3 + 3 + 2, the last says there is no more
        assertEquals(List.of("x1/A6", "x2/A2", "x1/A5"), keys(first));
        assertTrue(first.hasMore());
        assertEquals(List.of("x1/A4", "x1/A3", "x2/A1"), keys(second));
        assertEquals(List.of("x1/A2", "x1/A1"), keys(third));
        assertFalse(third.hasMore());
    }

    @Test
    void aRowCarriesTheColumnsAndTheLastVersionsJson() throws Exception {
        // GIVEN the known scenario; WHEN x1/A5 is found
        AlertRow a5 = search.find(AlertFilter.of(ArchiveScope.compound("x1"), DECEMBER)).alerts().stream()
                .filter(a -> a.id().equals("A5")).findFirst().orElseThrow();

        // THEN it is dismissed as a test, escalated twice, and its JSON is that last version
        assertEquals("DISMISSED", a5.state());
        assertEquals("FALSE_ALARM_TEST", a5.outcome());
        assertEquals(2, a5.escalationLevel());
        assertEquals(5, a5.version());
        assertTrue(a5.json().contains("\"version\": 5") || a5.json().contains("\"version\":5"), a5.json());
    }
}
