package org.linli.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.archive.query.ArchiveStatistics;
import org.linli.archive.report.MonthlyReport;
import org.linli.archive.report.MonthlyReportCsv;
import org.linli.archive.report.MonthlyReports;

/** The community's monthly report: rows per compound and the total, and its CSV byte for byte (golden file). */
class MonthlyReportTest {
    private static final String GOLDEN = "/monthly-report-c1-2026-12.csv";
    private static ArchiveDatabase db;
    private static MonthlyReport report;

    @BeforeAll
    static void load() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        db = ArchiveDatabase.open(pg.createDatabase("report"), pg.user(), "", 4);
        KnownScenario.load(new AlertArchive(db.dataSource()));
        Clock clock = Clock.fixed(KnownScenario.NOW, ZoneOffset.UTC);
        Map<String, String> names = new LinkedHashMap<>();
        names.put("x1", "和平里一区");
        names.put("x2", "和平里二区");
        names.put("x9", "和平里九区");
        report = new MonthlyReports(new ArchiveStatistics(db.dataSource(), clock), clock)
                .community("s1", "c1", "和平里社区", YearMonth.of(2026, 12), ZoneId.of("Asia/Shanghai"), names);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theReportHasARowPerListedCompoundEvenWithoutAlertsAndTheCommunityTotal() {
        // GIVEN the known scenario and the site file's three compounds of c1; WHEN December's report is built
        // THEN x1, x2 and the quiet x9 in the site file's order, then 合计 over the community
        assertEquals(List.of("和平里一区", "和平里二区", "和平里九区"), report.rows().stream().map(r -> r.label()).toList());
        assertEquals(0, report.rows().get(2).figures().alerts());
        assertEquals(8, report.total().figures().alerts());
        assertEquals("合计", report.total().label());
        assertEquals("2026年12月 和平里社区 告警处置月报", report.title());
    }

    @Test
    void theJsonForThePrintablePageCarriesTheSameFigures() {
        // GIVEN the report; WHEN turned into the console's JSON
        com.fasterxml.jackson.databind.JsonNode json = org.linli.archive.report.MonthlyReportJson.toJson(report);

        // THEN the title, x1's accept times and the total's false-alarm share and dark time are the known ones
        assertEquals("2026年12月 和平里社区 告警处置月报", json.get("title").asText());
        assertEquals("2026-12", json.get("month").asText());
        assertEquals(180.0, json.at("/rows/0/accept/p50Seconds").asDouble());
        assertEquals(276.0, json.at("/rows/0/accept/p90Seconds").asDouble());
        assertEquals(true, json.at("/rows/2/accept/p50Seconds").isNull());
        assertEquals(3.0 / 7, json.at("/total/falseAlarmShare").asDouble(), 1e-9);
        assertEquals(1, json.at("/total/escalatedByLevel/2").asInt());
        assertEquals(12600.0, json.at("/total/darkSeconds").asDouble());
    }

    @Test
    void theCsvMatchesTheGoldenFileAndStartsWithAByteOrderMarkForExcel() throws Exception {
        // GIVEN the report; WHEN written as CSV
        byte[] csv = MonthlyReportCsv.toBytes(report);
        Path written = Path.of("target", "monthly-report-c1-2026-12.csv");
        Files.createDirectories(written.getParent());
        Files.write(written, csv);

        // THEN it starts with EF BB BF and equals the golden file (target/ holds what was written, to diff)
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(csv, 3));
        byte[] golden;
        try (InputStream in = MonthlyReportTest.class.getResourceAsStream(GOLDEN)) {
            golden = in == null ? new byte[0] : in.readAllBytes();
        }
        assertEquals(new String(golden, StandardCharsets.UTF_8), new String(csv, StandardCharsets.UTF_8));
    }
}
