package org.linli.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.archive.query.ArchiveScope;
import org.linli.archive.query.ArchiveStatistics;
import org.linli.archive.query.Period;
import org.linli.archive.query.ScopeStatistics;
import org.linli.archive.query.StepTimes;

/** The statistics queries give the hand-computed answers of {@link KnownScenario} (docs/ARCHIVE.md). */
class ArchiveStatisticsTest {
    private static final Period DECEMBER = Period.month(YearMonth.of(2026, 12), ZoneId.of("Asia/Shanghai"));
    private static ArchiveDatabase db;
    private static ArchiveStatistics statistics;

    @BeforeAll
    static void load() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        db = ArchiveDatabase.open(pg.createDatabase("stats"), pg.user(), "", 4);
        KnownScenario.load(new AlertArchive(db.dataSource()));
        statistics = new ArchiveStatistics(db.dataSource(), Clock.fixed(KnownScenario.NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void compoundX1HasItsKnownTimesFalseAlarmsEscalationsAndDarkTime() throws Exception {
        // GIVEN the scenario archived; WHEN x1's December is asked for
        ScopeStatistics x1 = statistics.of(ArchiveScope.compound("x1"), DECEMBER);

        // THEN 6 alerts (A0 was raised one second before December in Shanghai), accepted after 60..300 s
        assertEquals(6, x1.alerts());
        assertEquals(new StepTimes(5, 180.0, 276.0), x1.accept());
        assertEquals(new StepTimes(4, 1050.0, 1410.0), x1.onSite());
        assertEquals(new StepTimes(5, 1800.0, 2760.0), x1.handled());
        // AND 2 of the 5 alerts with an outcome were false alarms (cooking, test)
        assertEquals(5, x1.withOutcome());
        assertEquals(2, x1.falseAlarms());
        assertEquals(0.4, x1.falseAlarmShare(), 1e-9);
        // AND A4 and A6 escalated once, A5 twice
        assertEquals(3, x1.escalated());
        assertEquals(Map.of(1, 2L, 2, 1L), x1.escalatedByLevel());
        // AND the box was dark twice: 1 h of the period across the month's start, then 30 min
        assertEquals(2, x1.darkPeriods());
        assertEquals(5400.0, x1.darkSeconds(), 1e-6);
    }

    @Test
    void communityTotalIsComputedOverAllItsAlertsNotFromTheCompoundFigures() throws Exception {
        // GIVEN the scenario; WHEN community c1's December is asked for
        ScopeStatistics c1 = statistics.of(ArchiveScope.community("c1"), DECEMBER);

        // THEN x1 and x2 together, with percentiles over the 8 alerts and x2's dark period counted up to now
        assertEquals(8, c1.alerts());
        assertEquals(new StepTimes(7, 180.0, 420.0), c1.accept());
        assertEquals(new StepTimes(5, 1200.0, 1380.0), c1.onSite());
        assertEquals(new StepTimes(7, 1800.0, 2640.0), c1.handled());
        assertEquals(3.0 / 7, c1.falseAlarmShare(), 1e-9);
        assertEquals(Map.of(1, 2L, 2, 1L), c1.escalatedByLevel());
        assertEquals(3, c1.darkPeriods());
        assertEquals(12600.0, c1.darkSeconds(), 1e-6);
    }

    @Test
    void perCompoundFiguresMatchEachCompoundAsked() throws Exception {
        // GIVEN the scenario; WHEN c1 is asked per compound
        Map<String, ScopeStatistics> byCompound = statistics.byCompound(ArchiveScope.community("c1"), DECEMBER);

        // THEN x1 and x2 are there with the figures asked one by one
        assertEquals(java.util.List.of("x1", "x2"), java.util.List.copyOf(byCompound.keySet()));
        assertEquals(statistics.of(ArchiveScope.compound("x1"), DECEMBER), byCompound.get("x1"));
        ScopeStatistics x2 = byCompound.get("x2");
        assertEquals(new StepTimes(2, 315.0, 543.0), x2.accept());
        assertEquals(new StepTimes(1, 1200.0, 1200.0), x2.onSite());
        assertEquals(new StepTimes(2, 945.0, 1629.0), x2.handled());
        assertEquals(0.5, x2.falseAlarmShare(), 1e-9);
        assertEquals(0, x2.escalated());
        assertEquals(7200.0, x2.darkSeconds(), 1e-6);
    }

    @Test
    void streetGridAndEmptyScopesCountWhatTheyCover() throws Exception {
        // GIVEN the scenario; WHEN the street, one grid and a community with nothing are asked for
        ScopeStatistics street = statistics.of(ArchiveScope.street("s1"), DECEMBER);
        ScopeStatistics grid = statistics.of(ArchiveScope.grid("x1", "g2"), DECEMBER);
        ScopeStatistics none = statistics.of(ArchiveScope.community("c9"), DECEMBER);

        // THEN the street has both communities, the grid x1/g2 only A6 (never accepted), the empty scope zeros
        assertEquals(9, street.alerts());
        assertEquals(4, street.darkPeriods());
        assertEquals(1, grid.alerts());
        assertEquals(StepTimes.NONE, grid.accept());
        assertNull(grid.falseAlarmShare());
        assertEquals(ScopeStatistics.EMPTY, none);
    }
}
