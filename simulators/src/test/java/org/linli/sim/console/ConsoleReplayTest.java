package org.linli.sim.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console against a stand-in server ({@link ConsoleStubServer}) for the parts of the stream and the API that
 * the gateway does not offer on demand: the {@code replayed} event ending the replay, and pages of older closed
 * alerts. Headless Chromium as a phone.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConsoleReplayTest {
    private static final List<String> TYPES = List.of("GAS_LEAK", "FIRE", "DEVICE_OFFLINE", "LOW_BATTERY");
    private static final List<String> SEVERITIES = List.of("CRITICAL_VULNERABLE", "CRITICAL", "MAJOR", "MINOR", "WARNING");
    private static final List<String> ACTIVE = List.of("OPEN", "ACCEPTED", "ON_SITE", "RESOLVED");

    private ConsoleStubServer server;
    private WebDriver browser;

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("a server that ends its replay with `replayed` gets the list built once at that event, though live events never let the stream go quiet")
    void rendersOnReplayed() throws Exception {
        HeadlessChromium.require();
        // GIVEN a server replaying 50 alerts, then `replayed`, then a live alert every 100 ms (never 300 ms of quiet)
        server = new ConsoleStubServer(null, ConsoleStubServer.alerts(50, "R", TYPES, SEVERITIES, ACTIVE), true, null);
        server.pushEvery(100, i -> ConsoleStubServer.alerts(1, "L" + i + "-", TYPES, SEVERITIES, ACTIVE).get(0));
        // WHEN the console opens
        browser = HeadlessChromium.phone();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(server.base());
        // THEN the list is built (only `replayed` can have ended the replay), and live alerts are added card by card
        wait.until(b -> renders(b) >= 1);
        wait.until(b -> cards(b) >= 55);
        assertEquals(1L, renders(browser), "one render for the replay; live events add their own card only");
    }

    @Test
    @DisplayName("更早的已结案报警 adds the archive's pages of closed alerts in one render, then card by card, and disappears at the end")
    void olderClosedAlerts() throws Exception {
        HeadlessChromium.require();
        // GIVEN a server holding 20 unfinished alerts, and an archive of 50 + 10 closed ones in two pages
        List<JsonObject> closed = ConsoleStubServer.alerts(60, "C", TYPES, SEVERITIES, List.of("CLOSED", "DISMISSED"));
        Map<String, JsonObject> pages = Map.of(
                "", new JsonObject().put("alerts", new JsonArray(closed.subList(10, 60))).put("next", "cursor-2"),
                "cursor-2", new JsonObject().put("alerts", new JsonArray(closed.subList(0, 10))).putNull("next"));
        server = new ConsoleStubServer(null, ConsoleStubServer.alerts(20, "A", TYPES, SEVERITIES, ACTIVE), false, pages);
        browser = HeadlessChromium.phone();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(server.base());
        wait.until(b -> cards(b) == 20 && olderReady(b));
        // WHEN the first page is asked for
        pressOlder(browser);
        // THEN its 50 closed alerts are listed after the unfinished ones, the state filter shows all, in one render
        wait.until(b -> cards(b) == 70);
        assertEquals("", new Select(browser.findElement(By.id("filter-state"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals(2L, renders(browser), "the replay, then the filter switched to all");
        List<CardState> order = states(browser);
        assertTrue(order.subList(0, 20).stream().allMatch(s -> ACTIVE.contains(s.state())), order.toString());
        // WHEN the next page is asked for THEN its 10 are added card by card, and the button goes: nothing is older
        wait.until(ConsoleReplayTest::olderReady);
        pressOlder(browser);
        wait.until(b -> cards(b) == 80 && !b.findElement(By.id("older")).isDisplayed());
        assertEquals(2L, renders(browser));
    }

    private record CardState(String id, String state) {
    }

    private static boolean olderReady(WebDriver b) {
        return b.findElement(By.id("older")).isDisplayed() && b.findElement(By.id("older")).isEnabled();
    }

    /**
     * Presses "older" with a click event on the button itself. A WebDriver mouse click aims at where the button was
     * when it scrolled there; on a loaded machine the list just rendered above it can still move it, and the click
     * then lands elsewhere (seen once in CI: the second page never asked for).
     */
    private static void pressOlder(WebDriver b) {
        ((JavascriptExecutor) b).executeScript("document.getElementById('older').click()");
    }

    @SuppressWarnings("unchecked")
    private static List<CardState> states(WebDriver b) {
        List<List<String>> raw = (List<List<String>>) ((JavascriptExecutor) b).executeScript(
                "return [...document.querySelectorAll('#alerts > li')].map(li => [li.dataset.id, li.dataset.state])");
        return raw.stream().map(r -> new CardState(r.get(0), r.get(1))).toList();
    }

    private static long cards(WebDriver b) {
        return ((Number) ((JavascriptExecutor) b).executeScript("return document.querySelectorAll('#alerts > li').length"))
                .longValue();
    }

    private static long renders(WebDriver b) {
        Object n = ((JavascriptExecutor) b).executeScript("return window.__linliRenders || 0");
        return ((Number) n).longValue();
    }
}
