package org.linli.centre;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The printable monthly report in headless Chromium, against a real centre, broker and PostgreSQL holding the known
 * scenario (published through the broker): a community user logs in, finds the report link of their community in the
 * console, opens December 2026's report, and the page shows the scenario's figures as it writes them (3分 and 4分36秒
 * for x1's accept p50 / p90, 40.0% false alarms, the 合计 row); a screenshot is left in
 * {@code target/monthly-report-c1-2026-12.png} for a human. Skipped without Chromium, failed instead when
 * {@code linli.requireExternalTools} is true.
 */
class MonthlyReportBrowserTest {
    @TempDir
    Path dir;
    EmbeddedArtemis broker;
    Vertx vertx;
    FakeCompound gateways;
    Centre centre;
    WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        boolean present = Files.isExecutable(CentreConsoleBrowserTest.CHROMIUM)
                && Files.isExecutable(CentreConsoleBrowserTest.CHROMEDRIVER);
        if (!present && Boolean.getBoolean("linli.requireExternalTools")) {
            throw new IllegalStateException("chromium and chromium-driver are required");
        }
        Assumptions.assumeTrue(present, "chromium not installed");
        PostgresServer pg = PostgresServer.shared();
        String jdbc = pg.createDatabase("centre_report");
        broker = new EmbeddedArtemis(dir);
        gateways = new FakeCompound(broker.consumerUrl(), "fake-gateways");
        vertx = Vertx.vertx();
        centre = Centre.deploy(vertx, TestSite.withArchive("rp", broker.consumerUrl(), 3600, jdbc, pg.user()),
                k -> null).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CentreConsoleBrowserTest.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=zh-CN", "--window-size=1400,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CentreConsoleBrowserTest.CHROMEDRIVER.toString())).usingAnyFreePort()
                .build(), options);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            gateways.close();
            broker.close();
        }
    }

    @Test
    void theReportPageShowsTheKnownScenariosFigures() throws Exception {
        // GIVEN the scenario archived through the centre
        await().atMost(Duration.ofSeconds(30)).until(() -> centre.archive().isOpen() && centre.brokerConnected());
        int sent = ArchiveScenario.publish(gateways);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                centre.meters().value("linli_centre_archive_versions_total", "written") == sent);
        gateways.summary("c1", "x1", true);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // WHEN the c1 duty user logs in, finds the report link of c1 and opens December 2026's report
        String base = "http://127.0.0.1:" + centre.httpPort() + "/";
        browser.get(base);
        wait.until(d -> d.findElement(By.id("login-user")).isDisplayed());
        browser.findElement(By.id("login-user")).sendKeys("wangfang");
        browser.findElement(By.id("login-password")).sendKeys(TestSite.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.ignoring(StaleElementReferenceException.class); // the console re-renders its tiles as the stream runs
        String link = wait.until(d -> {
            WebElement a = d.findElement(By.cssSelector("[data-report-community='c1']"));
            return a.getText() + " " + a.getAttribute("href");
        });
        assertTrue(link.startsWith("月度报告 "), link);
        assertTrue(link.contains("report.html?community=c1&month="), link);
        assertTrue(browser.findElements(By.cssSelector("[data-report-community='c2']")).isEmpty());
        browser.get(base + "report.html?community=c1&month=2026-12");
        wait.until(d -> "2026-12".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
        // THEN the page shows the scenario's figures as it writes them
        assertEquals("2026年12月 和平里社区 告警处置月报", browser.findElement(By.id("title")).getText());
        assertEquals("和平里社区", browser.findElement(By.id("community-name")).getText());
        assertTrue(browser.findElement(By.id("period")).getText().startsWith("2026年12月1日 至 2026年12月31日"));
        assertEquals("6", field("x1", "alerts"));
        assertEquals("3分", field("x1", "acceptP50"));
        assertEquals("4分36秒", field("x1", "acceptP90"));
        assertEquals("17分30秒", field("x1", "onSiteP50"));
        assertEquals("46分", field("x1", "handledP90"));
        assertEquals("40.0%", field("x1", "falseAlarmShare"));
        assertEquals("5分15秒", field("x2", "acceptP50"));
        assertEquals("9分3秒", field("x2", "acceptP90"));
        WebElement total = browser.findElement(By.cssSelector("tr[data-total]"));
        assertEquals("合计", total.findElement(By.cssSelector("[data-field='label']")).getText());
        assertEquals("8", total.findElement(By.cssSelector("[data-field='alerts']")).getText());
        assertEquals("7分", total.findElement(By.cssSelector("[data-field='acceptP90']")).getText());
        assertEquals("42.9%", total.findElement(By.cssSelector("[data-field='falseAlarmShare']")).getText());
        assertTrue(browser.findElement(By.id("generated")).getText().length() >= 10);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "monthly-report-c1-2026-12.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(target) > 10_000, "a real screenshot");
        // THEN another community's report is refused as absent
        browser.get(base + "report.html?community=c2&month=2026-12");
        wait.until(d -> "404".equals(d.findElement(By.tagName("body")).getAttribute("data-failed")));
    }

    private String field(String compound, String name) {
        return browser.findElement(By.cssSelector("tr[data-compound='" + compound + "'] [data-field='" + name + "']"))
                .getText();
    }
}
