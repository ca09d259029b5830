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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.util.List;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * sees the other grid's alert; the duty operator's console shows the words of {@code GET /api/alert-model}, the actions
 * each state allows, and builds a first load of many alerts once. Alerts are raised through AlertService's public
 * entry point on the gateway's event loop.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConsoleBrowserTest {
    private Vertx vertx;
    private WebDriver browser;
    private Gateway gateway;

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
        HeadlessChromium.require();
        // GIVEN a gateway for 4 buildings in two grids, with the demo's users (no broker needed: alerts are raised directly)
        DemoUsers users = startGateway(dir);
        GridConfig mine = users.site().grids().get(0);
        GridConfig other = users.site().grids().get(1);
        String base = base();
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
        wait.until(b -> b.findElement(By.id("who")).getText().contains(mine.name()));   // the grid by its name
        assertTrue(!browser.findElement(By.id("who")).getText().contains(mine.id()), "no grid id in the header");

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
        assertTrue(timeline.contains(mine.worker().name()), timeline);   // by name (issue 14), not by id
        assertEquals("RESOLVED", gateway.alerts().get(live.id()).orElseThrow().state().name());
        // AND the only step left, verify, is the duty office's: the grid worker is offered no button
        assertEquals(List.of(), actionButtons(browser, live.id()));
        saveScreenshot("console-phone-resolved.png");
    }

    @Test
    @DisplayName("the console shows the server's words, offers each state's allowed actions, and builds a first load of many alerts once")
    void labelsAndActionsFromTheServerAndOneRender(@TempDir Path dir) throws Exception {
        HeadlessChromium.require();
        // GIVEN a gateway holding 300 alerts of every type and severity, in every state a person can move them to
        DemoUsers users = startGateway(dir);
        List<String> flats = flats(users);
        CompletableFuture<List<Alert>> raised = new CompletableFuture<>();
        gateway.eventLoop().runOnContext(v -> {
            try {
                raised.complete(raiseMany(gateway, flats, 300));
            } catch (RuntimeException e) {
                raised.completeExceptionally(e);
            }
        });
        List<Alert> many = raised.get(60, TimeUnit.SECONDS);
        long open = many.stream().filter(a -> !a.state().isTerminal()).count();

        // WHEN the duty operator logs in
        browser = chromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        login(wait, "duty", users.password("duty"));

        // THEN every unfinished alert is listed, and the list was built once for the whole replay
        wait.until(b -> cardCount(b) == open);
        assertEquals(1L, rendersSoFar(), "a first load of " + many.size() + " alerts is one render");

        // AND the words on every card are the server's vocabulary, fetched here with the browser's session
        JsonObject model = alertModel(base(), browser.manage().getCookieNamed("linli_session").getValue());
        @SuppressWarnings("unchecked")
        List<List<String>> shown = (List<List<String>>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#alerts > li')].map(li => [li.dataset.state,"
                        + " li.querySelector('.tag.state').textContent, li.querySelector('.tag.severity').textContent,"
                        + " li.querySelector('.alert-title').textContent, li.dataset.id]);");
        assertEquals(open, shown.size());
        for (List<String> card : shown) {
            Alert a = gateway.alerts().get(card.get(4)).orElseThrow();
            assertEquals(label(model, "states", card.get(0)), card.get(1), "state of " + card.get(4));
            assertEquals(label(model, "severities", a.severity().name()), card.get(2), "severity of " + card.get(4));
            assertEquals(byId(model, "types", a.type().name()).getString("title"), card.get(3));
        }
        // AND the cards come in the server's severity order (most urgent first)
        List<Integer> ranks = shown.stream().map(c -> byId(model, "severities",
                gateway.alerts().get(c.get(4)).orElseThrow().severity().name()).getInteger("rank")).toList();
        assertEquals(ranks.stream().sorted().toList(), ranks, "cards sorted by the model's severity rank");

        // AND an opened card of each state offers exactly the actions the model allows from it (an operator: all roles')
        for (String st : List.of("OPEN", "ACCEPTED", "ON_SITE", "RESOLVED")) {
            String id = shown.stream().filter(c -> c.get(0).equals(st)).findFirst().orElseThrow().get(4);
            WebElement head = browser.findElement(By.cssSelector("li[data-id='" + id + "'] .alert-head"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", head);
            head.click();
            List<String> expected = new java.util.ArrayList<>();
            for (Object action : byId(model, "states", st).getJsonArray("actions")) {
                JsonObject json = byId(model, "actions", (String) action);
                if (json.getJsonArray("roles").contains("operator")) {
                    expected.add(json.getString("segment"));
                }
            }
            wait.until(b -> actionButtons(b, id).equals(expected));
        }

        // WHEN a new life-safety alert arrives live
        Alert late = raise(gateway, flats.get(0));
        // THEN its card alone is added, first in the list (most urgent, newest), without another render of the list
        wait.until(b -> cardCount(b) == open + 1);
        assertEquals(late.id(), browser.findElement(By.cssSelector("#alerts > li")).getAttribute("data-id"));
        assertEquals(1L, rendersSoFar(), "one live event is not a render of the whole list");

        // WHEN older closed alerts are asked for, page after page, until the archive has no more
        WebElement older = browser.findElement(By.id("older"));
        for (int clicks = 0; older.isDisplayed() && clicks < 5; clicks++) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", older);
            older.click();
            wait.until(b -> !b.findElement(By.id("older")).isDisplayed()
                    || b.findElement(By.id("older")).isEnabled());
        }
        // THEN the button goes, the list shows every state, and every alert has exactly one card (the closed ones the
        // replay already held are not added twice)
        wait.until(ExpectedConditions.invisibilityOf(older));
        wait.until(b -> cardCount(b) == many.size() + 1);
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#alerts > li')].map(li => li.dataset.id);");
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "no alert shown twice");
    }

    /** A gateway for 4 buildings in two grids with the demo's users; no broker: alerts are raised directly. */
    private DemoUsers startGateway(Path dir) throws Exception {
        var generated = CompoundGenerator.generate(ProfileChoice.demoSpec(VendorProfiles.builtIn())
                .withSize(4, 1, 3, 2),
                MqttOptions.of("tcp://127.0.0.1:" + FreePort.pick(), "console-test").withKeepAliveSeconds(10)
                        .withReconnectDelaysMs(1000, 5000).withAlertsTopic("linli/test/alerts"),
                InfluxOptions.of("http://127.0.0.1:" + FreePort.pick(), "linli", "compound").withTokenEnv("T")
                        .withBatch(500, 100),
                HttpOptions.on("127.0.0.1", 0), StorageOptions.in(dir.toString()));
        DemoUsers users = DemoUsers.add(generated);
        vertx = Vertx.vertx();
        gateway = new Gateway(users.site(), VendorProfileCatalog.load(null), name -> "token", Clock.systemUTC());
        vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        return users;
    }

    private String base() {
        return "http://127.0.0.1:" + gateway.httpPort() + "/";
    }

    private void login(WebDriverWait wait, String user, String password) {
        browser.get(base());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console-view")));
    }

    /** Every flat of the compound, as 3-1-101. */
    private static List<String> flats(DemoUsers users) {
        List<String> out = new java.util.ArrayList<>();
        for (var b : users.site().site().buildings()) {
            for (var u : b.units()) {
                for (var h : u.households()) {
                    out.add(b.id() + "-" + u.id() + "-" + h.id());
                }
            }
        }
        return out;
    }

    /**
     * Raises {@code n} alerts cycling through the types, severities and flats, and moves them on as people would:
     * one in five stays open, the others are accepted, on site, resolved or dismissed. On the event loop.
     */
    private static List<Alert> raiseMany(Gateway gateway, List<String> flats, int n) {
        List<Alert> out = new java.util.ArrayList<>();
        AlertType[] types = AlertType.values();
        Severity[] severities = Severity.values();
        for (int i = 0; i < n; i++) {
            String flat = flats.get(i % flats.size());
            AlertType type = types[i % types.length];
            Alert a = gateway.alerts().raise(new AlertRequest(AlertKey.device("bulk-" + i, type), type,   // a key of its own: a new alert
                    severities[i % severities.length], Location.parse(flat), null, "#" + i));
            var service = gateway.alerts();
            switch (i % 5) {
                case 1 -> a = service.act(a.id(), AlertAction.ACCEPTED, "duty", null, null);
                case 2 -> {
                    service.act(a.id(), AlertAction.ACCEPTED, "duty", null, null);
                    a = service.act(a.id(), AlertAction.ON_SITE, "duty", null, null);
                }
                case 3 -> {
                    service.act(a.id(), AlertAction.ACCEPTED, "duty", null, null);
                    a = service.act(a.id(), AlertAction.RESOLVED, "duty", Outcome.FALSE_ALARM_TEST, "测试");
                }
                case 4 -> a = service.act(a.id(), AlertAction.DISMISSED, "duty", Outcome.DEVICE_FAULT, "设备故障");
                default -> { }
            }
            out.add(a);
        }
        return out;
    }

    private static long cardCount(WebDriver b) {
        return ((Number) ((JavascriptExecutor) b).executeScript("return document.querySelectorAll('#alerts > li').length"))
                .longValue();
    }

    private long rendersSoFar() {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return window.__linliRenders")).longValue();
    }

    /** The data-action of the action buttons an opened card shows, in order. */
    @SuppressWarnings("unchecked")
    private static List<String> actionButtons(WebDriver b, String alertId) {
        return (List<String>) ((JavascriptExecutor) b).executeScript("return [...document.querySelectorAll("
                + "\"li[data-id='\" + arguments[0] + \"'] .actions > button[data-action]\")].filter(x => !x.hidden)"
                + ".map(x => x.dataset.action)", alertId);
    }

    /** GET /api/alert-model with the browser's session cookie, by a plain HTTP client: the test's own copy. */
    private static JsonObject alertModel(String base, String session) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "api/alert-model"))
                .header("Cookie", "linli_session=" + session).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    private static JsonObject byId(JsonObject model, String list, String id) {
        for (Object o : model.getJsonArray(list)) {
            if (id.equals(((JsonObject) o).getString("id"))) {
                return (JsonObject) o;
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }

    private static String label(JsonObject model, String list, String id) {
        return byId(model, list, id).getString("label");
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
        return HeadlessChromium.phone();
    }

    /** A phone-sized screenshot into target/, to look at (docs/console-phone.png is one of these). */
    private void saveScreenshot(String name) throws Exception {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
