package org.linli.sim.console;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.drivers.mqtt.VendorProfiles;
import org.linli.gateway.Gateway;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.config.BuildingConfig;
import org.linli.gateway.config.CompoundConfig;
import org.linli.gateway.config.GridConfig;
import org.linli.gateway.config.HouseholdConfig;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.config.RulesOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.StorageOptions;
import org.linli.gateway.config.UnitConfig;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.gateway.site.Device;
import org.linli.sim.compound.CompoundGenerator;
import org.linli.sim.demo.DemoUsers;
import org.linli.sim.demo.ProfileChoice;
import org.linli.sim.servers.FreePort;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, what a grid worker reads on an alert card (items 1-4), in a real headless Chromium on a 390x844 phone
 * against a real gateway: alarms go through the gateway's rule engine as the pipeline hands them over (a gas alarm's
 * concentration and alarm event of one message, a smoke alarm with the decoder's raw code). The browser runs in the
 * machine's zone (UTC here); the card must show the compound's zone (Asia/Shanghai).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AlertCardBrowserTest {
    /** The acceptance deadline of CRITICAL_VULNERABLE alerts here: long enough to read the countdown, short to escalate. */
    private static final int DEADLINE_SECONDS = 12;
    private static final String RESIDENT_PHONE = "13800000777";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(\\.\\d+)?Z");

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
    @DisplayName("a grid worker's card shows names, Chinese and Shanghai times with no raw id, the countdown to the "
            + "acceptance deadline, who has it, 已督办 once escalated, one count per report, the resident's phone first "
            + "and no call button for herself, and 待核查 after 处置完毕")
    void cardAndTimelineInChinese(@TempDir Path dir) throws Exception {
        HeadlessChromium.require();
        // GIVEN a gateway whose elderly-living-alone flats list the resident's phone, with a short acceptance deadline
        DemoUsers users = startGateway(dir);
        GridConfig grid = users.site().grids().get(0);
        String flat = elderlyAloneFlat(users.site(), grid);
        String building = grid.buildings().get(0);
        String otherFlat = (building + "-1-101").equals(flat) ? building + "-1-102" : building + "-1-101";

        // WHEN the grid worker logs in on a phone
        browser = HeadlessChromium.phone();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://127.0.0.1:" + gateway.httpPort() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(grid.worker().id());
        browser.findElement(By.id("login-password")).sendKeys(users.password(grid.worker().id()));
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));

        // AND a gas alarm reports a leak (concentration and alarm event in one message) in the elderly flat,
        // and a smoke detector a fire with its decoder's raw code in another flat of her grid
        Alert gas = gasAlarmMessage(flat);
        Alert fire = smokeAlarm(otherFlat);
        By gasCard = By.cssSelector("li[data-id='" + gas.id() + "']");
        By fireCard = By.cssSelector("li[data-id='" + fire.id() + "']");

        // THEN the gas card appears with its grid's name, its local raise time and a running countdown
        WebElement head = wait.until(ExpectedConditions.visibilityOfElementLocated(gasCard));
        String raisedLocal = LOCAL.format(gas.raisedAt().atZone(SHANGHAI));
        assertTrue(head.getText().contains(grid.name()), head.getText());
        assertTrue(head.getText().contains(raisedLocal), "raise time in Shanghai time: " + head.getText());
        assertTrue(head.getText().contains("当前处理人 " + grid.worker().name()), head.getText());
        By countdown = By.cssSelector("li[data-id='" + gas.id() + "'] .countdown");
        String first = wait.until(ExpectedConditions.visibilityOfElementLocated(countdown)).getText();
        assertTrue(first.startsWith("接单剩余 00:"), first);
        assertTrue(first.contains("（截止 " + DateTimeFormatter.ofPattern("HH:mm:ss").format(gas.acceptBy().atZone(SHANGHAI))
                + "）"), first);
        wait.until(b -> !b.findElement(countdown).getText().equals(first));   // it counts down by itself

        // WHEN she opens it
        browser.findElement(By.cssSelector("li[data-id='" + gas.id() + "'] .alert-head")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-id='" + gas.id() + "'] .timeline li")));
        // THEN one report is one occurrence, the device type is Chinese, and the first call button is the resident's
        String body = text(gasCard);
        assertTrue(body.contains("次数1 · 最近"), body);
        assertFalse(head.getText().contains("×2"), head.getText());
        assertTrue(body.contains("燃气报警器"), body);
        List<String> calls = calls(gas.id());
        assertEquals("tel:" + RESIDENT_PHONE, calls.get(0), calls.toString());
        assertFalse(calls.contains("tel:" + grid.worker().phone()), "no call button for herself: " + calls);
        assertTrue(calls.contains("tel:" + grid.leader().phone()), calls.toString());
        // AND the timeline is Chinese with names
        assertTrue(timeline(gas.id()).contains("系统 · 派单给 " + grid.worker().name()), timeline(gas.id()));

        // WHEN nobody accepts it before the deadline
        wait.withTimeout(Duration.ofSeconds(DEADLINE_SECONDS + 20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("li[data-id='" + gas.id() + "'] .tags"), "已督办"));
        // THEN the card says 已督办, the leader has it now, and the timeline says why in local time
        String deadline = DateTimeFormatter.ofPattern("HH:mm:ss").format(gas.acceptBy().atZone(SHANGHAI));
        wait.until(b -> timeline(gas.id()).contains("超时未接单（截止 " + deadline + "），升级给 " + grid.leader().name()));
        assertTrue(text(gasCard).contains("当前处理人 " + grid.leader().name()), text(gasCard));
        saveScreenshot("card-phone-escalated.png");

        // AND the smoke alarm's 说明 is a sentence, not the decoder's pointer
        browser.findElement(By.cssSelector("li[data-id='" + fire.id() + "'] .alert-head")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-id='" + fire.id() + "'] .timeline li")));
        assertTrue(text(fireCard).contains("烟雾报警器检测到烟雾，发出火警"), text(fireCard));

        // WHEN she accepts and resolves the gas alarm
        click(wait, gas.id(), "button[data-action='accept']");
        wait.until(ExpectedConditions.attributeToBe(gasCard, "data-state", "ACCEPTED"));
        click(wait, gas.id(), "button[data-action='resolve']");
        click(wait, gas.id(), "button[data-submit='resolve']");
        wait.until(ExpectedConditions.attributeToBe(gasCard, "data-state", "RESOLVED"));
        // THEN the card says it waits for the duty office, and the timeline names her
        wait.until(b -> text(gasCard).contains("已处置，等待值班室核查"));
        wait.until(b -> timeline(gas.id()).contains(grid.worker().name() + " · 接单"));
        saveScreenshot("card-phone-resolved.png");

        // AND nowhere on either card is an id, an English type or a UTC timestamp
        for (By card : List.of(gasCard, fireCard)) {
            String all = text(card);
            for (String raw : List.of(grid.id(), "gas_alarm", "smoke_detector", "/event=", "system", "GAS_LEAK", "FIRE")) {
                assertFalse(all.contains(raw), "'" + raw + "' on the card: " + all);
            }
            assertFalse(ISO_INSTANT.matcher(all).find(), "a UTC timestamp on the card: " + all);
        }
    }

    /** A phone-sized screenshot into target/, to look at. */
    private void saveScreenshot(String name) throws Exception {
        java.io.File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.FILE);
        Path target = Path.of("target", name);
        java.nio.file.Files.createDirectories(target.getParent());
        java.nio.file.Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A gas alarm's message as the pipeline hands it to the rules: its concentration, then its alarm event. */
    private Alert gasAlarmMessage(String flat) throws Exception {
        String id = CompoundGenerator.deviceId("gas", flat);
        return onLoop(() -> {
            Device d = gateway.site().device(id).orElseThrow();
            Instant sent = Instant.now();
            gateway.rules().onReadings(d, List.of(new Reading(id, Quantity.GAS_LEL, 32.5, sent)));
            gateway.rules().onEvent(d, new DeviceEvent(id, EventType.ALARM, sent, "/event=alarm"));
            return gateway.alerts().list().stream().filter(a -> id.equals(a.deviceId()) && a.type() == AlertType.GAS_LEAK)
                    .findFirst().orElseThrow();
        });
    }

    /** A smoke detector's alarm whose event detail is the decoder's raw code. */
    private Alert smokeAlarm(String flat) throws Exception {
        String id = CompoundGenerator.deviceId("smoke", flat);
        return onLoop(() -> {
            Device d = gateway.site().device(id).orElseThrow();
            gateway.rules().onEvent(d, new DeviceEvent(id, EventType.ALARM, Instant.now(), "/event=fire"));
            return gateway.alerts().list().stream().filter(a -> id.equals(a.deviceId())).findFirst().orElseThrow();
        });
    }

    private <T> T onLoop(java.util.function.Supplier<T> work) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        gateway.eventLoop().runOnContext(v -> {
            try {
                done.complete(work.get());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(10, TimeUnit.SECONDS);
    }

    /** All the text of a card, shown or not (textContent), as a person could come to read it. */
    private String text(By card) {
        return (String) ((JavascriptExecutor) browser).executeScript("return arguments[0].textContent",
                browser.findElement(card));
    }

    private String timeline(String id) {
        return browser.findElement(By.cssSelector("li[data-id='" + id + "'] .timeline")).getText();
    }

    @SuppressWarnings("unchecked")
    private List<String> calls(String id) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll("
                + "\"li[data-id='\" + arguments[0] + \"'] a.call\")].map(a => a.getAttribute('href'))", id);
    }

    private void click(WebDriverWait wait, String id, String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li[data-id='" + id + "'] " + css))).click();
    }

    /**
     * A gateway for 4 buildings in two grids with the demo's users; every elderly-living-alone flat lists the
     * resident's phone; CRITICAL_VULNERABLE alerts must be accepted within {@link #DEADLINE_SECONDS}.
     */
    private DemoUsers startGateway(Path dir) throws Exception {
        SiteConfig generated = CompoundGenerator.generate(ProfileChoice.demoSpec(VendorProfiles.builtIn()).withSize(4, 1, 3, 2),
                MqttOptions.of("tcp://127.0.0.1:" + FreePort.pick(), "card-test").withKeepAliveSeconds(10)
                        .withReconnectDelaysMs(1000, 5000),
                InfluxOptions.of("http://127.0.0.1:" + FreePort.pick(), "linli", "compound").withTokenEnv("T")
                        .withBatch(500, 100),
                HttpOptions.on("127.0.0.1", 0), StorageOptions.in(dir.toString()));
        DemoUsers users = DemoUsers.add(withResidentPhones(generated));
        SiteConfig site = users.site().withRules(users.site().rules().withEscalation(
                new RulesOptions.EscalationOptions(Map.of("CRITICAL_VULNERABLE", DEADLINE_SECONDS), null)));
        vertx = Vertx.vertx();
        gateway = new Gateway(site, VendorProfileCatalog.load(null), name -> "token", Clock.systemUTC());
        vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        return users;
    }

    private static SiteConfig withResidentPhones(SiteConfig s) {
        List<BuildingConfig> buildings = s.site().buildings().stream().map(b -> new BuildingConfig(b.id(),
                b.units().stream().map(u -> new UnitConfig(u.id(), u.floors(), u.flatsPerFloor(), u.households().stream()
                        .map(h -> new HouseholdConfig(h.id(), h.care(), List.of(RESIDENT_PHONE), h.contacts())).toList()))
                        .toList(), b.areas())).toList();
        CompoundConfig c = s.site();
        return new SiteConfig(new CompoundConfig(c.street(), c.community(), c.compound(), buildings, c.timeZone()),
                s.grids(), s.devices(), s.mqtt(), s.influx(), s.http(), s.storage(), s.notifications(), s.queue(),
                s.cameras(), s.serial(), s.rules(), s.users(), s.uplink());
    }

    private static String elderlyAloneFlat(SiteConfig site, GridConfig grid) {
        for (var b : site.site().buildings()) {
            if (grid.buildings().contains(b.id())) {
                for (var u : b.units()) {
                    for (var h : u.households()) {
                        if (h.care().contains("elderly_living_alone")) {
                            return b.id() + "-" + u.id() + "-" + h.id();
                        }
                    }
                }
            }
        }
        throw new AssertionError("no elderly-living-alone flat in " + grid.id());
    }
}
