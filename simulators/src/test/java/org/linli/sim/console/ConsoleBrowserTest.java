package org.linli.sim.console;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.drivers.mqtt.VendorProfiles;
import org.linli.gateway.Gateway;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.config.GridConfig;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.config.StorageOptions;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.gateway.site.Location;
import org.linli.sim.compound.CompoundGenerator;
import org.linli.sim.demo.DemoUsers;
import org.linli.sim.demo.ProfileChoice;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.RequiredTools;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real headless Chromium on a phone-sized window, against a real gateway with two grids and users:
 * a grid worker logs in, sees an alert of their grid appear live, accepts and resolves it through the page, and never
 * sees the other grid's alert. Alerts are raised through AlertService's public entry point on the gateway's event loop.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Vertx vertx;
    private WebDriver browser;

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("a grid worker logs in, sees their grid's alert appear live, accepts and resolves it; another grid's alert never shows")
    void gridWorkerHandlesAlert(@TempDir Path dir) throws Exception {
        RequiredTools.require("chromium", Files.isExecutable(CHROMIUM));
        RequiredTools.require("chromium-driver", Files.isExecutable(CHROMEDRIVER));
        // GIVEN a gateway for 4 buildings in two grids, with the demo's users (no broker needed: alerts are raised directly)
        var generated = CompoundGenerator.generate(ProfileChoice.demoSpec(VendorProfiles.builtIn())
                .withSize(4, 1, 3, 2),
                MqttOptions.of("tcp://127.0.0.1:" + FreePort.pick(), "console-test").withKeepAliveSeconds(10)
                        .withReconnectDelaysMs(1000, 5000).withAlertsTopic("linli/test/alerts"),
                InfluxOptions.of("http://127.0.0.1:" + FreePort.pick(), "linli", "compound").withTokenEnv("T")
                        .withBatch(500, 100),
                HttpOptions.on("127.0.0.1", 0), StorageOptions.in(dir.toString()));
        DemoUsers users = DemoUsers.add(generated);
        GridConfig mine = users.site().grids().get(0);
        GridConfig other = users.site().grids().get(1);
        vertx = Vertx.vertx();
        Gateway gateway = new Gateway(users.site(), VendorProfileCatalog.load(null), name -> "token", Clock.systemUTC());
        vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        String base = "http://127.0.0.1:" + gateway.httpPort() + "/";
        Alert hidden = raise(gateway, other.buildings().get(0) + "-1-101");

        // WHEN the grid worker of the first grid logs in on a phone-sized browser
        browser = chromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(base);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(mine.worker().id());
        browser.findElement(By.id("login-password")).sendKeys(users.password(mine.worker().id()));
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console-view")));
        wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
        assertTrue(browser.findElement(By.id("who")).getText().contains(mine.id()));

        // AND an alert is raised in their grid, in the flat of an elderly resident living alone
        String flat = elderlyAloneFlat(users, mine);
        Alert live = raise(gateway, flat);
        assertTrue(live.care().contains(org.linli.gateway.site.CareFlag.ELDERLY_LIVING_ALONE), flat);
        By card = By.cssSelector("li[data-id='" + live.id() + "']");

        // THEN it appears without a reload, and the other grid's alert is not on the page
        WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(card));
        assertTrue(shown.getText().contains(Location.parse(flat).describe()), shown.getText());
        assertTrue(shown.getText().contains("独居老人"), shown.getText());
        assertTrue(browser.findElements(By.cssSelector("li[data-id='" + hidden.id() + "']")).isEmpty(),
                "alert " + hidden.id() + " of " + other.id() + " must not reach " + mine.id());
        assertEquals(1, browser.findElements(By.cssSelector("#alerts > li")).size());
        saveScreenshot("console-phone-list.png");

        // WHEN the grid worker opens it THEN family contacts are tap-to-call links
        shown.findElement(By.cssSelector(".alert-head")).click();
        WebElement call = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(card,
                By.cssSelector("a.call[href^='tel:']"))).get(0);
        assertTrue(call.getAttribute("href").matches("tel:[0-9+]+"), call.getAttribute("href"));
        saveScreenshot("console-phone.png");
        // WHEN they accept it
        click(wait, card, "button[data-action='accept']");
        // THEN the state on the page follows the server
        wait.until(ExpectedConditions.attributeToBe(card, "data-state", "ACCEPTED"));

        // WHEN they resolve it with an outcome and a note
        click(wait, card, "button[data-action='resolve']");
        WebElement form = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(card,
                By.cssSelector("[data-form='resolve']"))).get(0);
        new Select(form.findElement(By.cssSelector("select.outcome"))).selectByValue("FALSE_ALARM_COOKING");
        form.findElement(By.cssSelector("textarea.note")).sendKeys("厨房炒菜油烟，已开窗通风");
        form.findElement(By.cssSelector("button[data-submit='resolve']")).click();

        // THEN it is resolved, and the timeline shows who did what
        wait.until(ExpectedConditions.attributeToBe(card, "data-state", "RESOLVED"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li[data-id='" + live.id() + "'] .timeline"),
                "厨房炒菜油烟"));
        String timeline = browser.findElement(By.cssSelector("li[data-id='" + live.id() + "'] .timeline")).getText();
        assertTrue(timeline.contains(mine.worker().id()), timeline);
        assertEquals("RESOLVED", gateway.alerts().get(live.id()).orElseThrow().state().name());
        saveScreenshot("console-phone-resolved.png");
    }

    /** A flat flagged elderly-living-alone in one of the grid's buildings. */
    private static String elderlyAloneFlat(DemoUsers users, GridConfig grid) {
        for (var b : users.site().site().buildings()) {
            if (!grid.buildings().contains(b.id())) {
                continue;
            }
            for (var u : b.units()) {
                for (var h : u.households()) {
                    if (h.care().contains("elderly_living_alone")) {
                        return b.id() + "-" + u.id() + "-" + h.id();
                    }
                }
            }
        }
        throw new AssertionError("no elderly-living-alone flat in " + grid.id());
    }

    private static void click(WebDriverWait wait, By card, String button) {
        wait.until(ExpectedConditions.elementToBeClickable(new By.ByCssSelector(cardCss(card) + " " + button))).click();
    }

    private static String cardCss(By card) {
        String s = card.toString();
        return s.substring(s.indexOf(':') + 1).trim();
    }

    /** Raises a gas alarm at a flat on the gateway's event loop, as the rules do. */
    private static Alert raise(Gateway gateway, String location) throws Exception {
        CompletableFuture<Alert> raised = new CompletableFuture<>();
        gateway.eventLoop().runOnContext(v -> raised.complete(gateway.alerts().raise(new AlertRequest(
                AlertKey.device(CompoundGenerator.deviceId("gas", location), AlertType.GAS_LEAK), AlertType.GAS_LEAK, Severity.CRITICAL_VULNERABLE, Location.parse(location),
                gateway.site().device(CompoundGenerator.deviceId("gas", location)).orElse(null), ""))));
        return raised.get(10, TimeUnit.SECONDS);
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN");
        // a phone screen: 390 x 844 CSS pixels (iPhone 12-15 class) at twice the density, touch enabled
        options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                java.util.Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** A phone-sized screenshot into target/, to look at (docs/console-phone.png is one of these). */
    private void saveScreenshot(String name) throws Exception {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
