package org.linli.sim.console;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Console load (docs/BENCHMARKS.md "Console load"): the time from the start of a page load to the whole list of
 * alerts on the page, in headless Chromium as a phone, with 100, 1,000 and 5,000 alerts in the stream's replay. The
 * server is {@link ConsoleStubServer} (open mode, no devices), so only the page's work is measured. Not a test: its
 * name keeps it out of the normal run, and it asserts nothing. Run it with
 * {@code mvn -o -B -q -pl simulators -am test -Dtest=ConsoleLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and these optional properties: {@code linli.bench.webroot} (a directory with index.html, console.js, console.css:
 * the page to measure; default the gateway's own), {@code linli.bench.replayed} (true: the stream ends its replay
 * with {@code event: replayed}; default false), {@code linli.bench.sizes} (default 100,1000,5000),
 * {@code linli.bench.runs} (per size, default 3), {@code linli.bench.timeoutSeconds} (per load, default 900). The
 * figures go to {@code simulators/target/console-load.txt}.
 */
class ConsoleLoadBenchmark {
    private static final List<String> TYPES = List.of("GAS_LEAK", "FIRE", "DEVICE_OFFLINE", "LOW_BATTERY",
            "WATER_HIGH_USE", "CAMERA_OFFLINE");
    private static final List<String> SEVERITIES = List.of("CRITICAL_VULNERABLE", "CRITICAL", "MAJOR", "MINOR", "WARNING");
    private static final List<String> STATES = List.of("OPEN", "ACCEPTED", "ON_SITE", "RESOLVED", "DEVICE_CLEARED");

    @Test
    @Timeout(value = 4, unit = TimeUnit.HOURS)
    void consoleLoad() throws Exception {
        HeadlessChromium.require();
        String webrootProperty = System.getProperty("linli.bench.webroot", "");
        Path webroot = webrootProperty.isBlank() ? null : Path.of(webrootProperty);
        boolean replayed = Boolean.parseBoolean(System.getProperty("linli.bench.replayed", "false"));
        int runs = Integer.parseInt(System.getProperty("linli.bench.runs", "3"));
        long timeoutMs = 1000L * Long.parseLong(System.getProperty("linli.bench.timeoutSeconds", "900"));
        List<Integer> sizes = Arrays.stream(System.getProperty("linli.bench.sizes", "100,1000,5000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        String page = webroot == null ? "gateway webroot" : webroot.toString();
        WebDriver browser = HeadlessChromium.phone();
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LISTED_AT));
        try {
            for (int n : sizes) {
                List<JsonObject> alerts = ConsoleStubServer.alerts(n, "B", TYPES, SEVERITIES, STATES);
                try (ConsoleStubServer server = new ConsoleStubServer(webroot, alerts, replayed, null)) {
                    List<String> figures = new ArrayList<>();
                    for (int run = 0; run < runs; run++) {
                        figures.add(load(browser, server.base(), n, timeoutMs));
                    }
                    report(String.format("%s | replayed=%s | %,d alerts | %s", page, replayed, n,
                            String.join(" · ", figures)));
                }
            }
        } finally {
            browser.quit();
        }
    }

    /**
     * Injected before any page script: once {@code #alerts} holds the {@code ?bench=} count of cards, the time since
     * navigation start is kept in {@code window.__benchListedAt}. A mutation observer runs right after the script
     * that changed the list, so this is when the whole list was on the page, also for a page that stays busy.
     */
    private static final String LISTED_AT = """
            (() => {
              const n = Number(new URLSearchParams(location.search).get('bench') || 0);
              if (!n) return;
              document.addEventListener('DOMContentLoaded', () => {
                const list = document.getElementById('alerts');
                new MutationObserver(() => {
                  if (window.__benchListedAt === undefined && list.childElementCount >= n) {
                    window.__benchListedAt = performance.now();
                  }
                }).observe(list, { childList: true });
              });
            })();
            """;

    /**
     * One page load: "listed after 1234 ms, usable after 1300 ms (renders 1, last 80 ms)". Listed: the whole list
     * on the page (see {@link #LISTED_AT}); usable: the first answer of the page's main thread after that (it
     * answers only between tasks); renders: the console's count of full renders (absent in the old console).
     */
    private static String load(WebDriver browser, String url, int n, long timeoutMs) throws Exception {
        browser.get("about:blank");
        browser.get(url + "?bench=" + n);   // returns after the load event; the stream and the list come after
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            List<Number> seen;
            try {
                @SuppressWarnings("unchecked")
                List<Number> answer = (List<Number>) ((JavascriptExecutor) browser).executeScript(
                        "return [window.__benchListedAt === undefined ? -1 : window.__benchListedAt, performance.now(),"
                                + " document.querySelectorAll('#alerts > li').length,"
                                + " window.__linliRenders === undefined ? -1 : window.__linliRenders,"
                                + " window.__linliRenderMs === undefined ? -1 : window.__linliRenderMs]");
                seen = answer;
            } catch (WebDriverException busy) {
                // the page's main thread did not answer within the driver's timeouts: it is still working
                if (System.nanoTime() > deadline) {
                    return "> " + timeoutMs + " ms: no answer from the page";
                }
                continue;
            }
            String renders = seen.get(3).longValue() < 0 ? "" : " (renders " + seen.get(3).longValue() + ", last "
                    + Math.round(seen.get(4).doubleValue()) + " ms)";
            if (seen.get(0).doubleValue() >= 0) {
                return "listed " + Math.round(seen.get(0).doubleValue()) + " ms, usable "
                        + Math.round(seen.get(1).doubleValue()) + " ms" + renders;
            }
            if (System.nanoTime() > deadline) {
                return "> " + Math.round(seen.get(1).doubleValue()) + " ms: " + seen.get(2).longValue() + " of " + n
                        + " cards" + renders;
            }
            Thread.sleep(20);   // a benchmark's polling interval, not a wait for a state in a test
        }
    }

    private static void report(String line) throws Exception {
        System.out.println(line);
        Path out = Path.of("target", "console-load.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
