package org.linli.sim.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.sim.servers.FreePort;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issues 14.7 and 14.12: the demo, run as {@code ./linli demo --http-port H --mqtt-port M --tsdb-port T} runs it (the
 * same main class in a process of its own), serves on the ports it was given, and its scripted incidents in the
 * buildings its simulated cameras watch carry a snapshot a logged-in console user can open.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DemoProcessTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("demo on given ports: an incident in a watched building carries a snapshot the duty user can fetch")
    void demoOnGivenPortsShowsEvidence() throws Exception {
        // GIVEN the demo started on three ports chosen in advance
        int http = FreePort.pick();
        int mqtt = FreePort.pick();
        int tsdb = FreePort.pick();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("demo.out");
        Process demo = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                DemoMain.class.getName(), "--minutes", "4", "--http-port", String.valueOf(http),
                "--mqtt-port", String.valueOf(mqtt), "--tsdb-port", String.valueOf(tsdb))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            await("demo console answering on " + http).atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofMillis(500)).until(() -> login(client, http));
            // THEN the broker and the time-series server are on the ports given
            String site = Files.readString(dir.resolve("data/demo/site.yaml"));
            assertTrue(site.contains("127.0.0.1:" + mqtt), "the gateway's broker is on " + mqtt);
            assertTrue(site.contains("127.0.0.1:" + tsdb), "the gateway's time-series server is on " + tsdb);
            // WHEN the scripted incidents come (gas leak in building 3 at ~15 s, fire in building 7 at ~35 s)
            String[] snapshot = new String[1];
            await("an alert with a snapshot").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        snapshot[0] = firstEvidence(client, http).orElse(null);
                        return snapshot[0] != null;
                    });
            // THEN the duty user can open that snapshot: a JPEG
            HttpResponse<byte[]> jpeg = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http + snapshot[0])).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, jpeg.statusCode());
            assertEquals((byte) 0xFF, jpeg.body()[0]);
            assertEquals((byte) 0xD8, jpeg.body()[1]);
        } finally {
            demo.destroy();
            if (!demo.waitFor(30, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
    }

    private static boolean login(HttpClient client, int port) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"duty\",\"password\":\"duty123\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() / 100 == 2;
        } catch (Exception e) {
            return false;
        }
    }

    /** The first evidence link of any open alert. */
    private static Optional<String> firstEvidence(HttpClient client, int port) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonArray alerts = new JsonObject(r.body()).getJsonArray("alerts");
        for (int i = 0; i < alerts.size(); i++) {
            JsonArray evidence = alerts.getJsonObject(i).getJsonArray("evidence", new JsonArray());
            if (!evidence.isEmpty()) {
                return Optional.of(evidence.getString(0));
            }
        }
        return Optional.empty();
    }
}
