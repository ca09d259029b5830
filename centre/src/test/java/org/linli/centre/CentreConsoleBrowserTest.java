package org.linli.centre;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The centre console in headless Chromium against a real centre and broker: a community user logs in, sees an alert
 * of one of its compounds arrive live, accepts it (relayed to the fake gateway, which answers ok), and sees a dark
 * compound flagged (red tile and the centre alert card). Skipped where Chromium is not installed, failed instead
 * when {@code linli.requireExternalTools} is true.
 */
class CentreConsoleBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;
    EmbeddedArtemis broker;
    Vertx vertx;
    FakeCompound gateways;
    Centre centre;
    WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && Boolean.getBoolean("linli.requireExternalTools")) {
            throw new IllegalStateException("chromium and chromium-driver are required");
        }
        Assumptions.assumeTrue(present, "chromium not installed");
        broker = new EmbeddedArtemis(dir);
        gateways = new FakeCompound(broker.consumerUrl(), "fake-gateways");
        vertx = Vertx.vertx();
        centre = Centre.deploy(vertx, TestSite.site("rb", broker.consumerUrl(), 45, null, null), k -> null)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=zh-CN", "--window-size=1366,900");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build(), options);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            gateways.close();
            broker.close();
        }
    }

    @Test
    void communityUserSeesAnAlertLiveAcceptsItAndSeesADarkCompound() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class); // cards are re-rendered as versions arrive
        gateways.summary("c1", "x1", true);
        // GIVEN the c1 duty user logged in
        browser.get("http://127.0.0.1:" + centre.httpPort() + "/");
        wait.until(d -> d.findElement(By.id("login-user")).isDisplayed());
        browser.findElement(By.id("login-user")).sendKeys("wangfang");
        browser.findElement(By.id("login-password")).sendKeys(TestSite.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-replayed")));
        assertTrue(browser.findElements(By.cssSelector("[data-compound='x3']")).isEmpty(), "x3 is another community's");
        // WHEN an alert of x1 arrives
        gateways.answer((x, cmd) -> FakeCompound.reply(true, "ok", null,
                FakeCompound.alertJson("x1", "B-1", 2, "ACCEPTED", 0)));
        gateways.alert("c1", "x1", FakeCompound.alertJson("x1", "B-1", 1, "OPEN", 0));
        // THEN its card shows up live, and accepting it shows the gateway's answer and the new state
        WebElement card = wait.until(d -> d.findElement(By.cssSelector("[data-alert-key='x1/B-1']")));
        assertTrue(card.getText().contains("和平里一区"), card.getText());
        card.findElement(By.cssSelector("[data-action='accept']")).click();
        wait.until(d -> "ACCEPTED".equals(d.findElement(By.cssSelector("[data-alert-key='x1/B-1']"))
                .getAttribute("data-state")));
        // WHEN x2's gateway dies (its will arrives)
        gateways.summary("c1", "x2", false);
        // THEN its tile is red, the banner names it and the centre alert card is shown
        wait.until(d -> "dark".equals(d.findElement(By.cssSelector("[data-compound='x2']"))
                .getAttribute("data-reachable")));
        assertTrue(browser.findElement(By.id("dark-banner")).getText().contains("和平里二区"));
        WebElement dark = wait.until(d -> d.findElement(By.cssSelector("[data-origin='centre']")));
        assertTrue(dark.getText().contains("小区网关失联"), dark.getText());
        assertEquals("reachable", browser.findElement(By.cssSelector("[data-compound='x1']"))
                .getAttribute("data-reachable"));
    }
}
