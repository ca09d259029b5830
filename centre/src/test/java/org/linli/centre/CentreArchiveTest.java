package org.linli.centre;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.archive.AlertArchive;
import org.linli.archive.ArchiveDatabase;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The centre with its alert archive on a real PostgreSQL and a real embedded Artemis: alert versions published by the
 * compounds (each twice, shuffled) end as one row per alert with its highest version and one row per transition; the
 * statistics and monthly-report endpoints answer the known scenario's figures (docs/ARCHIVE.md); a user reads only
 * their own scope; dark periods follow the picture; a database that is down leaves the centre serving and says so.
 */
class CentreArchiveTest {
    @TempDir
    Path dir;
    EmbeddedArtemis broker;
    FakeCompound gateways;
    Vertx vertx;
    Centre centre;
    String jdbcUrl;
    String dbUser;

    @BeforeEach
    void start() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        jdbcUrl = pg.createDatabase("centre_archive");
        dbUser = pg.user();
        broker = new EmbeddedArtemis(dir);
        gateways = new FakeCompound(broker.consumerUrl(), "fake-gateways");
        vertx = Vertx.vertx();
    }

    private Centre deploy(String jdbc) throws Exception {
        // unreachableAfter 3600 s: no compound turns dark by silence during the test (it would add a dark period)
        return Centre.deploy(vertx, TestSite.withArchive("ra", broker.consumerUrl(), 3600, jdbc, dbUser), k -> null)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        gateways.close();
        broker.close();
    }

    @Test
    void versionsTwiceAndOutOfOrderEndAsOneRowPerAlertAndTheFiguresAreTheScenarios() throws Exception {
        // GIVEN a centre with its archive, and x1's two dark periods of the scenario already archived
        centre = deploy(jdbcUrl);
        await().atMost(Duration.ofSeconds(30)).until(() -> centre.archive().isOpen() && centre.brokerConnected());
        try (ArchiveDatabase db = ArchiveDatabase.open(jdbcUrl, dbUser, null, 3)) {
            ArchiveScenario.darkPeriodsOfX1(new AlertArchive(db.dataSource()));
        }
        // WHEN every version of the scenario is published twice, shuffled
        int sent = ArchiveScenario.publish(gateways);
        // THEN every message is archived and acknowledged, and the archive holds each alert once at its highest version
        await().atMost(Duration.ofSeconds(30)).until(() ->
                centre.meters().value("linli_centre_archive_versions_total", "written") == sent);
        assertEquals(ArchiveScenario.highestVersions(), ArchiveScenario.archivedVersions(jdbcUrl, dbUser));
        assertEquals(ArchiveScenario.transitions(),
                ArchiveScenario.count(jdbcUrl, dbUser, "SELECT count(*) FROM alert_transitions"));
        await().atMost(Duration.ofSeconds(10)).until(() -> centre.archive().feed().backlog() == 0);

        // THEN the statistics endpoint answers the scenario's figures for x1 and for c1 (docs/ARCHIVE.md)
        CentreClient street = CentreClient.login(centre.httpPort(), "street-duty");
        JsonObject x1 = street.get("/api/archive/statistics?compound=x1&from=2026-12-01&to=2027-01-01").json();
        assertEquals(6, x1.getLong("alerts"), x1.encode());
        assertEquals(180.0, x1.getJsonObject("accept").getDouble("p50Seconds"));
        assertEquals(276.0, x1.getJsonObject("accept").getDouble("p90Seconds"));
        assertEquals(1050.0, x1.getJsonObject("onSite").getDouble("p50Seconds"));
        assertEquals(1410.0, x1.getJsonObject("onSite").getDouble("p90Seconds"));
        assertEquals(1800.0, x1.getJsonObject("handled").getDouble("p50Seconds"));
        assertEquals(2760.0, x1.getJsonObject("handled").getDouble("p90Seconds"));
        assertEquals(0.4, x1.getDouble("falseAlarmShare"), 1e-9);
        assertEquals(3, x1.getLong("escalated"));
        assertEquals(new JsonObject().put("1", 2).put("2", 1), x1.getJsonObject("escalatedByLevel"));
        assertEquals(2, x1.getLong("darkPeriods"));
        assertEquals(5400.0, x1.getDouble("darkSeconds"), 1e-6);
        JsonObject c1 = street.get("/api/archive/statistics?community=c1&from=2026-12-01&to=2027-01-01").json();
        assertEquals(8, c1.getLong("alerts"));
        assertEquals(180.0, c1.getJsonObject("accept").getDouble("p50Seconds"));
        assertEquals(420.0, c1.getJsonObject("accept").getDouble("p90Seconds"));
        assertEquals(3.0 / 7, c1.getDouble("falseAlarmShare"), 1e-9);

        // THEN the alerts search is cut to the scope and filters by type
        CentreClient wang = CentreClient.login(centre.httpPort(), "wangfang");
        JsonObject own = wang.get("/api/archive/alerts?from=2026-11-01&to=2027-01-01").json();
        assertEquals(9, own.getJsonArray("alerts").size(), "c1's 9 alerts (A0 raised in November included)");
        assertTrue(own.getJsonArray("alerts").stream().allMatch(a -> "c1".equals(((JsonObject) a).getString("community"))));
        JsonObject fires = wang.get("/api/archive/alerts?compound=x1&type=FIRE&from=2026-12-01&to=2027-01-01").json();
        assertEquals(2, fires.getJsonArray("alerts").size(), fires.encode());
        assertEquals("x1/A5", fires.getJsonArray("alerts").getJsonObject(0).getString("key"), "newest first");

        // THEN the monthly report has the same figures, as JSON and as CSV with a Chinese file name (RFC 5987)
        JsonObject report = wang.get("/api/reports/monthly?community=c1&month=2026-12").json();
        assertEquals("2026年12月 和平里社区 告警处置月报", report.getString("title"));
        assertEquals("和平里一区", report.getJsonArray("rows").getJsonObject(0).getString("label"));
        assertEquals(276.0, report.getJsonArray("rows").getJsonObject(0).getJsonObject("accept").getDouble("p90Seconds"));
        assertEquals("合计", report.getJsonObject("total").getString("label"));
        HttpResponse<byte[]> csv = wang.raw("/api/reports/monthly?community=c1&month=2026-12&format=csv");
        assertEquals(200, csv.statusCode());
        String disposition = csv.headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(disposition.contains("filename*=UTF-8''2026%E5%B9%B412%E6%9C%88%20%E5%92%8C%E5%B9%B3%E9%87%8C"),
                disposition);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF月份,社区,小区编号,小区,告警数"), text);
        assertTrue(text.contains("2026-12,和平里社区,x1,和平里一区,6,5,180,276,4,1050,1410,5,1800,2760,5,2,40.0%,3,2,1,2,90.0"),
                text);

        // THEN a user cannot read another community's figures: answered as absent
        assertEquals(404, wang.get("/api/reports/monthly?community=c2&month=2026-12").status());
        assertEquals(404, wang.get("/api/archive/statistics?compound=x3").status());
        assertEquals(404, wang.get("/api/archive/alerts?street=s1").status());
        CentreClient x3 = CentreClient.login(centre.httpPort(), "x3-viewer");
        assertEquals(404, x3.get("/api/reports/monthly?community=c2&month=2026-12").status(),
                "a compound's user does not read its whole community");
        assertEquals(1, x3.get("/api/archive/alerts?from=2026-11-01&to=2027-01-01").json().getJsonArray("alerts").size());
        assertEquals(200, street.get("/api/reports/monthly?community=c2&month=2026-12").status());
        assertEquals("ok", street.get("/health/ready").json().getJsonObject("archive").getString("state"));
        // THEN malformed requests are refused as such
        assertEquals(400, wang.get("/api/reports/monthly?community=c1&month=12-2026").status());
        assertEquals(400, wang.get("/api/reports/monthly?month=2026-12").status());
        assertEquals(400, wang.get("/api/archive/alerts?grid=g1").status());
        assertEquals(400, wang.get("/api/archive/alerts?limit=5000").status());
        assertEquals(400, wang.get("/api/archive/statistics?from=yesterday").status());
        assertEquals(1, wang.get("/api/archive/alerts?compound=x1&grid=g2&from=2026-12-01&to=2027-01-01").json()
                .getJsonArray("alerts").size(), "x1's grid g2 has A6");
    }

    @Test
    void theWillAndTheNextSummaryOpenAndCloseADarkPeriod() throws Exception {
        // GIVEN a centre with its archive that has heard x2
        centre = deploy(jdbcUrl);
        await().atMost(Duration.ofSeconds(30)).until(() -> centre.archive().isOpen() && centre.brokerConnected());
        gateways.summary("c1", "x2", true);
        // WHEN x2's will arrives
        gateways.summary("c1", "x2", false);
        // THEN one open dark period of x2 is archived
        String open = "SELECT count(*) FROM compound_reachability WHERE compound = 'x2' AND dark_to IS NULL";
        await().atMost(Duration.ofSeconds(20)).until(() -> ArchiveScenario.count(jdbcUrl, dbUser, open) == 1);
        // WHEN x2 talks again
        gateways.summary("c1", "x2", true);
        // THEN the period is closed, and there is only that one
        await().atMost(Duration.ofSeconds(20)).until(() -> ArchiveScenario.count(jdbcUrl, dbUser, open) == 0);
        assertEquals(1, ArchiveScenario.count(jdbcUrl, dbUser,
                "SELECT count(*) FROM compound_reachability WHERE compound = 'x2'"));
    }

    @Test
    void aDatabaseThatIsDownLeavesTheCentreServingAndHoldsTheAcknowledgement() throws Exception {
        // GIVEN a centre whose archive database does not answer (nothing listens on that port)
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        centre = deploy("jdbc:postgresql://127.0.0.1:" + closed + "/none?connectTimeout=1");
        await().atMost(Duration.ofSeconds(30)).until(centre::brokerConnected);
        CentreClient wang = CentreClient.login(centre.httpPort(), "wangfang");
        // WHEN an alert version arrives
        gateways.alert("c1", "x1", FakeCompound.alertJson("x1", "D-1", 1, "OPEN", 0));
        // THEN the live picture has it, the archive waits with it (not acknowledged) and says it is degraded
        await().atMost(Duration.ofSeconds(20)).until(() ->
                wang.get("/api/alerts?state=all").json().getJsonArray("alerts").size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> centre.archive().feed().backlog() == 1);
        CentreClient.Answer ready = wang.get("/health/ready");
        assertEquals(200, ready.status(), "the centre keeps serving its picture");
        assertEquals("degraded", ready.json().getJsonObject("archive").getString("state"));
        assertTrue(wang.get("/metrics").status() == 200);
        CentreClient.Answer search = wang.get("/api/archive/alerts");
        assertEquals(503, search.status());
        assertEquals("archive-unavailable", search.json().getString("code"));
        assertEquals(0, centre.meters().value("linli_centre_archive_versions_total", "written"));
    }

    @Test
    void withoutAnArchiveSectionTheRoutesAnswer503() throws Exception {
        // GIVEN a centre without archive: section
        centre = Centre.deploy(vertx, TestSite.site("rn", broker.consumerUrl(), 45, null, null), k -> null)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        CentreClient wang = CentreClient.login(centre.httpPort(), "wangfang");
        // WHEN the archive's routes are asked THEN 503 with a clear reason
        CentreClient.Answer a = wang.get("/api/reports/monthly?community=c1&month=2026-12");
        assertEquals(503, a.status());
        assertEquals("no-archive", a.json().getString("code"));
        assertTrue(a.json().getString("error").contains("archive:"));
        assertNull(wang.get("/health/ready").json().getValue("archive"));
        assertFalse(centre.archive() != null);
    }
}
