package org.linli.archive.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.linli.archive.AlertArchive;
import org.linli.archive.ArchiveDatabase;
import org.linli.archive.ArchiveWriter;
import org.linli.archive.PostgresServer;
import org.linli.archive.query.AlertFilter;
import org.linli.archive.query.AlertSearch;
import org.linli.archive.query.ArchiveScope;
import org.linli.archive.query.ArchiveStatistics;
import org.linli.archive.query.Period;
import org.linli.archive.query.ScopeStatistics;
import org.linli.archive.report.MonthlyReportCsv;
import org.linli.archive.report.MonthlyReports;

/**
 * The archive benchmark (docs/BENCHMARKS.md "Alert archive (issue 13)"): a real PostgreSQL 15 started by
 * {@link PostgresServer} (fsync on, as in production), a generated year of a district's alerts archived through
 * {@link ArchiveWriter} (versions shuffled within each week, so a batch almost never holds two versions of one alert
 * and older versions often arrive after newer ones), then the queries the centre runs, timed. It lives in the test
 * tree because it needs the test helper that starts PostgreSQL and must not ship in the archive's jar.
 * Arguments: compounds (700), months (12), alerts per compound per month (50), batch size (500).
 */
public final class ArchiveBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int IN_FLIGHT = 20_000;

    private ArchiveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int compounds = args.length > 0 ? Integer.parseInt(args[0]) : 700;
        int months = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int perMonth = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        try (PostgresServer pg = PostgresServer.start(List.of("-c", "shared_buffers=256MB", "-c", "max_wal_size=4GB"));
             ArchiveDatabase db = ArchiveDatabase.open(pg.createDatabase("bench"), pg.user(), "", 4)) {
            AlertArchive archive = new AlertArchive(db.dataSource());
            Instant start = LocalDate.of(2026, 1, 1).atStartOfDay(ZONE).toInstant();
            Instant end = YearMonth.of(2026, 1).plusMonths(months).atDay(1).atStartOfDay(ZONE).toInstant();
            ingest(archive, compounds, start, end, perMonth, batch);
            dark(archive, compounds, start, end);
            analyze(db);
            queries(db, new Period(start, end));
        }
    }

    private static void ingest(AlertArchive archive, int compounds, Instant start, Instant end, int perMonth, int batch)
            throws Exception {
        SyntheticDistrict district = new SyntheticDistrict(compounds, 13);
        double perWeek = perMonth * 12.0 / 52.0;
        long versions = 0;
        long alerts = 0;
        Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
        long t0 = System.nanoTime();
        try (ArchiveWriter writer = new ArchiveWriter(archive, batch)) {
            Random shuffle = new Random(2026);
            for (Instant week = start; week.isBefore(end); week = week.plus(Duration.ofDays(7))) {
                long seconds = Math.min(Duration.ofDays(7).toSeconds(), Duration.between(week, end).toSeconds());
                List<SyntheticDistrict.Version> window = district.window(week, seconds, perWeek * seconds / 604800.0);
                alerts += window.stream().filter(v -> v.json().get("version").asInt() == 1).count();
                Collections.shuffle(window, shuffle);
                for (SyntheticDistrict.Version v : window) {
                    inFlight.add(writer.submit(v.street(), v.community(), v.compound(), v.json()));
                    versions++;
                    while (inFlight.size() > IN_FLIGHT) {
                        inFlight.poll().join();
                    }
                }
                System.out.printf("week %s: %,d versions so far, %.0f versions/s%n", week, versions,
                        versions / ((System.nanoTime() - t0) / 1e9));
            }
            for (CompletableFuture<Void> f : inFlight) {
                f.join();
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("INGEST: %,d alerts, %,d versions in %.1f s = %,.0f versions/s (batch %d)%n",
                alerts, versions, s, versions / s, batch);
    }

    private static void dark(AlertArchive archive, int compounds, Instant start, Instant end) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        long seconds = Duration.between(start, end).toSeconds();
        int periods = 0;
        long t0 = System.nanoTime();
        for (int c = 0; c < compounds; c++) {
            List<Long> starts = new ArrayList<>();
            for (int k = 0; k < seconds / (15 * 86400); k++) {
                starts.add(random.nextLong(seconds - 7200));
            }
            Collections.sort(starts);
            long last = -1;
            for (long s : starts) {
                if (s <= last) {
                    continue;
                }
                long len = 300 + random.nextLong(3600);
                String x = SyntheticDistrict.compoundId(c);
                archive.recordReachability(SyntheticDistrict.streetId(c), SyntheticDistrict.communityId(c), x, false, start.plusSeconds(s));
                archive.recordReachability(SyntheticDistrict.streetId(c), SyntheticDistrict.communityId(c), x, true, start.plusSeconds(s + len));
                last = s + len;
                periods++;
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("DARK: %,d periods (%,d calls) in %.1f s%n", periods, periods * 2, s);
    }

    private static void analyze(ArchiveDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE");
            for (String table : List.of("alerts", "alert_transitions", "compound_reachability")) {
                try (ResultSet rs = st.executeQuery("SELECT count(*), pg_size_pretty(pg_total_relation_size('" + table + "')) FROM " + table)) {
                    rs.next();
                    System.out.printf("TABLE %s: %,d rows, %s with indexes%n", table, rs.getLong(1), rs.getString(2));
                }
            }
        }
    }

    private interface Query {
        Object run() throws Exception;
    }

    private static void queries(ArchiveDatabase db, Period year) throws Exception {
        Clock clock = Clock.systemUTC();
        ArchiveStatistics stats = new ArchiveStatistics(db.dataSource(), clock);
        AlertSearch search = new AlertSearch(db.dataSource());
        MonthlyReports reports = new MonthlyReports(stats, clock);
        Period june = Period.month(YearMonth.of(2026, 6), ZONE);
        time("statistics, whole district, year", () -> stats.of(ArchiveScope.district(), year));
        time("statistics, one street (72 compounds), year", () -> stats.of(ArchiveScope.street("s3"), year));
        time("statistics, one community (9 compounds), year", () -> stats.of(ArchiveScope.community("c20"), year));
        time("statistics, one compound, year", () -> stats.of(ArchiveScope.compound("x200"), year));
        time("statistics per compound, whole district, year (700 rows)", () -> stats.byCompound(ArchiveScope.district(), year));
        time("statistics per compound, whole district, one month", () -> stats.byCompound(ArchiveScope.district(), june));
        time("monthly report of one community + CSV", () -> MonthlyReportCsv.toBytes(reports.community("s2", "c20",
                "社区20", YearMonth.of(2026, 6), ZONE, Map.of())));
        time("alerts, one community, one month, first page of 100", () -> search.find(AlertFilter.of(ArchiveScope.community("c20"), june)));
        time("alerts, whole district, year, type FIRE, page 50 (offset 5,000)", () -> search.find(
                AlertFilter.of(ArchiveScope.district(), year).withType("FIRE").page(5000, 100)));
        time("alerts, one grid of one compound, year, first page", () -> search.find(AlertFilter.of(ArchiveScope.grid("x200", "g1"), year)));
        ScopeStatistics d = stats.of(ArchiveScope.district(), year);
        System.out.printf("DISTRICT YEAR: %,d alerts, accept p50 %.0f s p90 %.0f s, handled p50 %.0f s, false %.1f %%, "
                        + "escalated %,d %s, dark %,d periods %.0f h%n", d.alerts(), d.accept().p50Seconds(),
                d.accept().p90Seconds(), d.handled().p50Seconds(), d.falseAlarmShare() * 100, d.escalated(),
                d.escalatedByLevel(), d.darkPeriods(), d.darkSeconds() / 3600);
    }

    private static void time(String what, Query q) throws Exception {
        long[] ms = new long[3];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            q.run();
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        long[] sorted = ms.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("QUERY | %s | first %d ms | median of 3 %d ms |%n", what, ms[0], sorted[1]);
    }
}
