package org.linli.sim.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.drivers.mqtt.VendorProfiles;
import org.linli.gateway.Gateway;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertAction;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Outcome;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.config.GridConfig;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.config.RulesOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.StorageOptions;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.gateway.site.Location;
import org.linli.sim.compound.CompoundGenerator;
import org.linli.sim.demo.DemoUsers;
import org.linli.sim.demo.ProfileChoice;
import org.linli.sim.servers.FreePort;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The duty screen (docs/CONSOLE.md, "The duty screen") in a real headless Chromium against a real gateway: a new
 * life-safety alert rings (the page's oscillator and Notification calls observed through wrappers installed before it
 * arrives), the day's statistics and the search on a 1366x768 duty PC, the banner while the stream is down and a
 * screen that stays live and logged in across a gateway restart on the same data directory, and a grid worker
 * setting a household away from a 390x844 phone.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DutyScreenBrowserTest {
    /** Wraps the page's sound and notification calls so the test sees them; installed after login, before alerts. */
    private static final String OBSERVE_RINGING = "window.__osc = 0; window.__notes = [];"
            + "const start = OscillatorNode.prototype.start;"
            + "OscillatorNode.prototype.start = function (...a) { window.__osc++; return start.apply(this, a); };"
            + "window.Notification = class { constructor(t, o) { window.__notes.push(t + '|' + (o && o.body)); }"
            + "  close() {} static get permission() { return 'granted'; }"
            + "  static requestPermission() { return Promise.resolve('granted'); } };";

    private Vertx vertx;
    private WebDriver browser;
    private Gateway gateway;
    private String deployment;
    private SiteConfig site;

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
    @DisplayName("on a duty PC a new life-safety alert rings (sound, notification, pop-up) until acknowledged, the day's statistics count a known set of alerts, the search narrows the list, the list and statistics sit side by side, and a snapshot has a caption and opens full screen")
    void ringsCountsAndSearches(@TempDir Path dir) throws Exception {
        HeadlessChromium.require();
        // GIVEN a gateway where a MINOR alert escalates after 1 s, holding today: one alert resolved, one dismissed,
        // one MINOR that escalates (超时), one open CRITICAL
        DemoUsers users = startGateway(dir, r -> withMinorDeadline(r, 1));
        List<String> flats = flats(users);
        Alert resolved = raise(AlertType.GAS_LEAK, Severity.CRITICAL, flats.get(0), "a");
        Alert dismissed = raise(AlertType.FIRE, Severity.CRITICAL, flats.get(1), "b");
        Alert escalates = raise(AlertType.LOW_BATTERY, Severity.MINOR, flats.get(2), "c");
        raise(AlertType.GAS_LEAK, Severity.CRITICAL, flats.get(3), "d");
        onLoop(() -> {
            gateway.alerts().act(resolved.id(), AlertAction.ACCEPTED, "duty", null, null);
            gateway.alerts().act(resolved.id(), AlertAction.RESOLVED, "duty", Outcome.FALSE_ALARM_COOKING, "油烟");
            return gateway.alerts().act(dismissed.id(), AlertAction.DISMISSED, "duty", Outcome.FALSE_ALARM_TEST, "测试");
        });
        WebDriverWait wait = new WebDriverWait(dutyPc(), Duration.ofSeconds(30));
        wait.until(b -> onLoop(() -> gateway.alerts().get(escalates.id()).orElseThrow().escalationLevel()) > 0);

        // WHEN the duty operator logs in on a 1366x768 PC
        login(wait, "duty", users.password("duty"));
        wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));

        // THEN the statistics say 4 today, 2 handled, 50 %, 1 overdue
        wait.until(ExpectedConditions.textToBe(By.id("stat-today"), "4"));
        assertEquals("2", text("stat-handled"));
        assertEquals("50%", text("stat-rate"));
        assertEquals("1", text("stat-overdue"));
        // AND the list and the statistics are side by side, the list using most of the width
        WebElement list = browser.findElement(By.id("list"));
        WebElement tools = browser.findElement(By.id("tools"));
        assertTrue(tools.getRect().getX() > list.getRect().getX() + list.getRect().getWidth() - 1, "tools right of the list");
        assertTrue(list.getRect().getWidth() > 800, "list width " + list.getRect().getWidth());
        // AND nothing rang for the alerts that were there before the page
        assertTrue(browser.findElement(By.id("ring")).getAttribute("hidden") != null);

        // WHEN the page's sound and notifications are observed and a new life-safety alert arrives
        js(OBSERVE_RINGING);
        String flat = flats.get(4);
        Alert fresh = raise(AlertType.GAS_LEAK, Severity.CRITICAL_VULNERABLE, flat, "e");

        // THEN the pop-up names it, a notification was shown, and the sound plays (and repeats)
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ring li[data-alert='" + fresh.id() + "']")));
        assertTrue(text("ring").contains(Location.parse(flat).describe()), text("ring"));
        @SuppressWarnings("unchecked")
        List<String> notes = (List<String>) js("return window.__notes");
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains(Location.parse(flat).describe()), notes.get(0));
        wait.until(b -> ((Number) js("return window.__osc")).intValue() >= 4);   // two tones, at least twice
        saveScreenshot("duty-pc-ringing.png");
        // AND the statistics count it
        wait.until(ExpectedConditions.textToBe(By.id("stat-today"), "5"));

        // WHEN the operator acknowledges it THEN the pop-up goes and the sound stops
        browser.findElement(By.id("ring-ack")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("ring")));
        int sounded = ((Number) js("return window.__osc")).intValue();
        long quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        wait.until(b -> System.nanoTime() > quietUntil);   // longer than the 2 s ring interval
        assertEquals(sounded, ((Number) js("return window.__osc")).intValue(), "no sound after 知道了");

        // WHEN the operator searches for the flat's address
        browser.findElement(By.id("search")).sendKeys(Location.parse(flat).describe());
        // THEN only that flat's alert is listed
        wait.until(b -> cardIds().equals(List.of(fresh.id())));
        saveScreenshot("duty-pc.png");

        // WHEN a camera snapshot is attached to it and the card is opened
        long shotAt = System.currentTimeMillis();
        onLoop(() -> gateway.alerts().attachEvidence(fresh.id(),
                "/api/snapshots/" + Long.toString(shotAt, 36) + "-1-cam-east"));
        browser.findElement(By.cssSelector("#alerts li[data-id='" + fresh.id() + "'] .alert-head")).click();
        // THEN it has a caption with the camera and the local time
        WebElement caption = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#alerts li[data-id='" + fresh.id() + "'] .evidence .caption")));
        // (the compound's local time, Asia/Shanghai by default, whatever the browser's own zone: issue 14.1)
        String localTime = java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss")
                .format(java.time.Instant.ofEpochMilli(shotAt).atZone(java.time.ZoneId.of("Asia/Shanghai")));
        assertEquals("cam-east · " + localTime, caption.getText());
        // AND a tap opens it full screen, and Escape closes it
        WebElement shot = browser.findElement(By.cssSelector("#alerts li[data-id='" + fresh.id() + "'] .evidence img"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", shot);
        wait.until(ExpectedConditions.elementToBeClickable(shot)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("viewer")));
        assertEquals(caption.getText(), text("viewer-caption"));
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("viewer")));
    }

    @Test
    @DisplayName("the duty screen shows a banner while the gateway is down, and after a restart on the same data directory it is live again without a new login: a new alert appears and rings, the old CSRF token works, and device last-seen times are kept")
    void survivesGatewayRestart(@TempDir Path dir) throws Exception {
        HeadlessChromium.require();
        // GIVEN a duty screen logged in and live
        DemoUsers users = startGateway(dir, r -> r);
        List<String> flats = flats(users);
        WebDriverWait wait = new WebDriverWait(dutyPc(), Duration.ofSeconds(60));
        login(wait, "duty", users.password("duty"));
        wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
        assertTrue(browser.findElement(By.id("live-banner")).getAttribute("hidden") != null);

        // AND a device heard from before the restart
        String device = site.devices().get(0).id();
        java.time.Instant heard = java.time.Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        onLoop(() -> {
            gateway.pipeline().activity().seen(device, heard);
            return null;
        });

        // WHEN the gateway stops
        vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        // THEN the page says it is not live
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("live-banner")));
        assertTrue(text("live-banner").contains("实时连接已断开"), text("live-banner"));
        wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "off"));
        saveScreenshot("duty-pc-offline.png");

        // WHEN it starts again on the same data directory and port
        deploy();
        // THEN the banner goes, and the page never went to the login
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("live-banner")));
        assertFalse(browser.findElement(By.id("console-view")).getAttribute("hidden") != null, "console still shown");
        assertTrue(browser.findElement(By.id("login-view")).getAttribute("hidden") != null, "no login page");

        // AND the restarted gateway still knows when the device was last heard from (its tile counts it online)
        String cookie = browser.manage().getCookieNamed("linli_session").getValue();
        JsonObject devices = new JsonObject(get("api/devices", cookie));
        String lastSeen = devices.getJsonArray("devices").stream().map(o -> (JsonObject) o)
                .filter(d -> device.equals(d.getString("id"))).findFirst().orElseThrow().getString("lastSeen");
        assertEquals(heard.toString(), lastSeen);

        // WHEN a new life-safety alert is raised on the restarted gateway
        js(OBSERVE_RINGING);
        Alert after = raise(AlertType.FIRE, Severity.CRITICAL, flats.get(0), "after-restart");
        // THEN it appears on the screen and rings
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#alerts li[data-id='" + after.id() + "']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ring li[data-alert='" + after.id() + "']")));
        // AND a state-changing request with the old CSRF token still works: accepting it from the page
        browser.findElement(By.cssSelector("#alerts li[data-id='" + after.id() + "'] .alert-head")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "#alerts li[data-id='" + after.id() + "'] button[data-action='accept']"))).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#alerts li[data-id='" + after.id() + "']"),
                "data-state", "ACCEPTED"));
        // AND the card shows who has it
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#alerts li[data-id='" + after.id() + "'] .assignee"), "处置人"));
    }

    @Test
    @DisplayName("a grid worker on a phone sets the household of a water-inactivity alert away from its card, and the gateway keeps the flag")
    void gridWorkerSetsHouseholdAway(@TempDir Path dir) throws Exception {
        HeadlessChromium.require();
        // GIVEN an inactivity alert at a flat of the grid worker's grid
        DemoUsers users = startGateway(dir, r -> r);
        GridConfig mine = users.site().grids().get(0);
        String flat = flats(users).stream().filter(f -> mine.buildings().contains(f.split("-")[0])).findFirst().orElseThrow();
        Alert quiet = raise(AlertType.WATER_INACTIVITY, Severity.MAJOR, flat, "w");
        String household = Location.parse(flat).householdKey().orElseThrow();

        // WHEN the grid worker logs in on a 390x844 phone
        browser = HeadlessChromium.phone();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        login(wait, mine.worker().id(), users.password(mine.worker().id()));
        // THEN the statistics count the alert of her grid
        wait.until(ExpectedConditions.textToBe(By.id("stat-today"), "1"));
        // AND the grid filter offers her grid by name
        wait.until(b -> js("return [...document.querySelectorAll('#filter-grid option')].map(o => o.textContent)")
                .toString().contains(mine.name()));
        // AND the alert's card offers 设为外出
        By card = By.cssSelector("#alerts li[data-id='" + quiet.id() + "']");
        WebElement set = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "#alerts li[data-id='" + quiet.id() + "'] button[data-away='set']")));

        // WHEN she sets the household away (the first choice: 1 day)
        set.click();

        // THEN the card says until when, and the gateway holds the flag
        wait.until(ExpectedConditions.textToBePresentInElementLocated(card, "外出至"));
        String cookie = browser.manage().getCookieNamed("linli_session").getValue();
        JsonObject away = new JsonObject(get("api/households/" + household + "/away", cookie));
        assertNotNull(away.getString("awayUntil"), away.encode());
        saveScreenshot("console-phone-away.png");

        // WHEN she clears it THEN the flag is gone
        browser.findElement(By.cssSelector("#alerts li[data-id='" + quiet.id() + "'] button[data-away='clear']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(card, "在家"));
        assertEquals(null, new JsonObject(get("api/households/" + household + "/away", cookie)).getString("awayUntil"));
    }

    // ---- helpers ----

    /** A gateway for 4 buildings in two grids with the demo's users, on a fixed port so it can restart on it. */
    private DemoUsers startGateway(Path dir, Function<RulesOptions, RulesOptions> rules) throws Exception {
        var generated = CompoundGenerator.generate(ProfileChoice.demoSpec(VendorProfiles.builtIn())
                        .withSize(4, 1, 3, 2),
                MqttOptions.of("tcp://127.0.0.1:" + FreePort.pick(), "duty-test").withKeepAliveSeconds(10)
                        .withReconnectDelaysMs(1000, 5000).withAlertsTopic("linli/test/alerts"),
                InfluxOptions.of("http://127.0.0.1:" + FreePort.pick(), "linli", "compound").withTokenEnv("T")
                        .withBatch(500, 100),
                HttpOptions.on("127.0.0.1", FreePort.pick()), StorageOptions.in(dir.toString()));
        DemoUsers users = DemoUsers.add(generated);
        site = users.site().withRules(rules.apply(users.site().rules()));
        vertx = Vertx.vertx();
        deploy();
        return users;
    }

    private void deploy() throws Exception {
        gateway = new Gateway(site, VendorProfileCatalog.load(null), name -> "token", Clock.systemUTC());
        deployment = vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static RulesOptions withMinorDeadline(RulesOptions r, int seconds) {
        RulesOptions.EscalationOptions e = r.escalation();
        return new RulesOptions(r.gas(), r.gasByProfile(), r.heartbeat(), r.water(), r.waterByHousehold(),
                new RulesOptions.EscalationOptions(Map.of("MINOR", seconds), e == null ? null : e.dutyOffice()),
                r.checkIntervalSeconds());
    }

    /** Chromium as a 1366x768 duty PC, allowed to play sound without a gesture (the login click is one anyway). */
    private WebDriver dutyPc() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(HeadlessChromium.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=zh-CN", "--window-size=1366,768", "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(HeadlessChromium.CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        return browser;
    }

    private String base() {
        return "http://127.0.0.1:" + site.http().port() + "/";
    }

    private void login(WebDriverWait wait, String user, String password) {
        browser.get(base());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console-view")));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @SuppressWarnings("unchecked")
    private List<String> cardIds() {
        return (List<String>) js("return [...document.querySelectorAll('#alerts > li')].map(li => li.dataset.id)");
    }

    private String get(String path, String session) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Cookie", "linli_session=" + session).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** Flats of the compound, as 3-1-101: unit 1, floors 1-3, flats 1-2 of every grid's buildings (the generated size). */
    private static List<String> flats(DemoUsers users) {
        List<String> out = new java.util.ArrayList<>();
        for (GridConfig g : users.site().grids()) {
            for (String b : g.buildings()) {
                for (int floor = 1; floor <= 3; floor++) {
                    for (int flat = 1; flat <= 2; flat++) {
                        out.add(b + "-1-" + floor + "0" + flat);
                    }
                }
            }
        }
        return out;
    }

    /** Raises an alert of its own key at a flat, on the gateway's event loop, as the rules do. */
    private Alert raise(AlertType type, Severity severity, String flat, String key) {
        return onLoop(() -> gateway.alerts().raise(new AlertRequest(AlertKey.device("duty-" + key, type), type, severity,
                Location.parse(flat), null, "")));
    }

    /** Runs on the gateway's event loop and returns the result. */
    private <T> T onLoop(java.util.function.Supplier<T> task) {
        CompletableFuture<T> done = new CompletableFuture<>();
        gateway.eventLoop().runOnContext(v -> {
            try {
                done.complete(task.get());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            return done.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A screenshot into target/, to look at. */
    private void saveScreenshot(String name) throws Exception {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
