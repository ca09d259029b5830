package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.Gateway;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.RequiredTools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, "what must be shown": the real gateway (deployed as in production, real Mosquitto) starts on an alert
 * store written by the previous format with one corrupt row; the good alerts are back through the HTTP API and the bad
 * row is reported in {@code /api/status} and {@code /metrics}. The store is the frozen dump of what commit df86acf
 * wrote ({@code gateway/src/test/resources/alert-store/format1-alerts.sql}, read from the sibling module).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AlertStoreUpgradeTest {
    private static final Path FORMAT_1 = Path.of("..", "gateway", "src", "test", "resources", "alert-store",
            "format1-alerts.sql");
    private static final List<String> OPEN = List.of("A1-mwr6vy80", "A3-mwr71ezc");      // OPEN, ON_SITE
    private static final List<String> TERMINAL = List.of("A4-mwr71ezc", "A2-mwr6w9so");  // DISMISSED, CLOSED: same time

    private Vertx vertx;

    @BeforeEach
    void setUp() {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        vertx = Vertx.vertx();
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a store of the previous format with a corrupt row: the gateway starts, the four good alerts are served by the API, the corrupt row is reported in /api/status and /metrics")
    void gatewayStartsOnPreviousFormatWithCorruptRow(@TempDir Path dir) throws Exception {
        // GIVEN the data directory of a gateway of the previous format, whose alert store also holds one corrupt row
        Path data = dir.resolve("data");
        Path db = data.resolve("alerts").resolve("alerts.db");
        Files.createDirectories(db.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String line : Files.readAllLines(FORMAT_1)) {
                if (!line.isBlank() && !line.startsWith("--")) {
                    s.execute(line);
                }
            }
            s.execute("INSERT INTO alerts (id, alert_key, key_open, state, version, accept_by, json) VALUES "
                    + "('A5-corrupt', 'smoke-3-1-101/FIRE', 1, 'OPEN', 1, NULL, '{\"id\":\"A5-corrupt\",\"version\":1,\"ty')");
        }
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false).start()) {
            // WHEN the gateway starts on it
            Gateway gateway = E2eHarness.deploy(vertx, E2eHarness.site(broker.url(), "linli-store-upgrade", "5",
                    "http://127.0.0.1:" + FreePort.pick(), data));
            int port = gateway.httpPort();

            // THEN the open alerts are on /api/alerts
            List<String> listed = ids(E2eHarness.getJson(port, "/api/alerts").getJsonArray("alerts"));
            assertTrue(listed.containsAll(OPEN), listed.toString());
            assertFalse(listed.contains("A5-corrupt"));
            // AND the closed ones on /api/alerts/closed, newest closed first (their window has passed: read from the store)
            JsonObject closed = E2eHarness.getJson(port, "/api/alerts/closed");
            assertEquals(TERMINAL, ids(closed.getJsonArray("alerts")));
            // AND each good alert by id, with its state and history as the previous gateway stored them
            JsonObject gas = E2eHarness.getJson(port, "/api/alerts/A1-mwr6vy80");
            assertEquals("OPEN", gas.getString("state"));
            assertEquals(2, gas.getInteger("count"));
            assertEquals(1, gas.getInteger("escalationLevel"));
            assertEquals(List.of("elderly_living_alone"), gas.getJsonArray("care").getList());
            assertEquals("CLOSED", E2eHarness.getJson(port, "/api/alerts/A2-mwr6w9so").getString("state"));
            assertEquals("ON_SITE", E2eHarness.getJson(port, "/api/alerts/A3-mwr71ezc").getString("state"));
            assertEquals("DISMISSED", E2eHarness.getJson(port, "/api/alerts/A4-mwr71ezc").getString("state"));
            assertEquals(404, status(port, "/api/alerts/A5-corrupt"));
            // AND the corrupt row is reported: counted, named with its reason, on /metrics too
            JsonObject store = E2eHarness.getJson(port, "/api/status").getJsonObject("alertStore");
            assertEquals(1, store.getLong("quarantined"), store.encode());
            assertEquals(4, store.getInteger("upgraded"), store.encode());
            assertEquals(0, store.getLong("writeFailures"));
            JsonObject kept = store.getJsonArray("quarantine").getJsonObject(0);
            assertEquals("A5-corrupt", kept.getString("id"));
            assertTrue(kept.getString("reason").contains("not JSON"), kept.encode());
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("\nlinli_alerts_store_quarantined 1.0"), metrics);
        }
    }

    private static List<String> ids(JsonArray alerts) {
        return alerts.stream().map(o -> ((JsonObject) o).getString("id")).toList();
    }

    private static int status(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
