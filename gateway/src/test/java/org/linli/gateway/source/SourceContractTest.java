package org.linli.gateway.source;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.Gateway;
import org.linli.gateway.TestSites;
import org.linli.gateway.config.ConfigLoader;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.pipeline.VendorProfileCatalog;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fourth source, {@link HttpPushSource}, added to a real gateway with one registration line and no change to any
 * gateway class: its status reaches {@code /api/status}, {@code /metrics} and {@code /health/ready} over real HTTP,
 * UP while it takes readings and DOWN with the reason when its port is taken. (No broker runs here: the MQTT source
 * stays STARTING, which is also what the registry reports for it.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SourceContractTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final VendorProfileCatalog profiles = VendorProfileCatalog.load(null);
    private Vertx vertx;
    private Gateway gateway;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("an HTTP push source registered with one line feeds the pipeline and shows UP in /api/status, /metrics and /health/ready")
    void fourthSourceReportsUp(@TempDir Path dir) throws Exception {
        // GIVEN a running gateway with an HTTP push source on its own port
        int pushPort = freePort();
        start(dir, pushPort);

        // WHEN a water meter posts a reading to it
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pushPort + "/readings"))
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("deviceId", "water-7-1-101")
                        .put("readings", new JsonObject().put("total_m3", 12.5)).encode())).build(),
                HttpResponse.BodyHandlers.ofString());

        // THEN the pipeline took it (durably queued, the device heard from)
        assertEquals(204, posted.statusCode(), posted.body());
        JsonObject status = getJson("/api/status");
        assertEquals(1, status.getInteger("devicesHeardFrom"));
        assertEquals(1L, status.getJsonObject(HttpPushSource.NAME).getLong("received"));
        // AND its state is in the one vocabulary beside the built-in sources
        JsonObject sources = status.getJsonObject("sources");
        assertEquals("UP", sources.getJsonObject(HttpPushSource.NAME).getString("state"), sources.encode());
        assertEquals("listening on port " + pushPort, sources.getJsonObject(HttpPushSource.NAME).getString("reason"));
        assertEquals("STARTING", sources.getJsonObject("mqtt").getString("state"), "no broker in this test");
        assertEquals("UP", sources.getJsonObject("serial").getString("state"), "no bus configured");
        assertEquals("UP", sources.getJsonObject("cameras").getString("state"), "no camera configured");
        // AND in /metrics, as a state set, in Prometheus' text format
        HttpResponse<String> scrape = get("/metrics");
        assertEquals("text/plain; version=0.0.4; charset=utf-8", scrape.headers().firstValue("Content-Type").orElse(null));
        String metrics = scrape.body();
        assertEquals(1.0, sample(metrics, "linli_source_state{source=\"httppush\",state=\"UP\"}"));
        assertEquals(0.0, sample(metrics, "linli_source_state{source=\"httppush\",state=\"DOWN\"}"));
        // AND alone when only its family is asked for (name[]=, as a poller of one counter asks)
        String one = get("/metrics?name%5B%5D=linli_source_state").body();
        assertEquals(1.0, sample(one, "linli_source_state{source=\"httppush\",state=\"UP\"}"));
        assertTrue(one.lines().filter(l -> !l.startsWith("#")).allMatch(l -> l.startsWith("linli_source_state{")),
                one);
        assertTrue(metrics.contains("jvm_memory_used_bytes") && !one.contains("jvm_"), "the whole scrape has the rest");
        // AND in /health/ready, as a component that does not gate readiness (the missing broker does)
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(503, ready.statusCode(), "not ready without the broker");
        JsonObject component = new JsonObject(ready.body()).getJsonObject("components").getJsonObject(HttpPushSource.NAME);
        assertEquals("UP", component.getString("status"), ready.body());
        assertEquals(1L, component.getLong("received"));
        assertEquals("STARTING", new JsonObject(ready.body()).getJsonObject("components").getJsonObject("mqtt")
                .getString("status"));
    }

    @Test
    @DisplayName("an HTTP push source whose port is taken is DOWN with the reason in /api/status, and DOWN in /metrics "
            + "and /health/ready, while the gateway runs on")
    void fourthSourceReportsDownWithReason(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // GIVEN another program holds the push source's port
            int pushPort = taken.getLocalPort();

            // WHEN the gateway starts with the source on that port
            start(dir, pushPort);

            // THEN the gateway runs, and the source's DOWN state and its reason reach all three endpoints
            JsonObject source = getJson("/api/status").getJsonObject("sources").getJsonObject(HttpPushSource.NAME);
            assertEquals("DOWN", source.getString("state"), source.encode());
            assertTrue(source.getString("reason").startsWith("port " + pushPort + ": "), source.encode());
            String metrics = get("/metrics").body();
            assertEquals(1.0, sample(metrics, "linli_source_state{source=\"httppush\",state=\"DOWN\"}"));
            assertEquals(0.0, sample(metrics, "linli_source_state{source=\"httppush\",state=\"UP\"}"));
            JsonObject ready = new JsonObject(get("/health/ready").body());
            assertEquals("DOWN", ready.getJsonObject("components").getJsonObject(HttpPushSource.NAME).getString("status"));
        }
    }

    /** Deploys the small test site (real vendor profiles, no broker, no InfluxDB) with the push source on {@code pushPort}. */
    private void start(Path dir, int pushPort) throws Exception {
        String yaml = TestSites.smallYaml()
                .replace("profile: test-gas", "profile: acme-gas-flat")
                .replace("profile: test-smoke", "profile: beacon-smoke-iso")
                .replace("profile: test-water", "profile: acme-water-flat")
                .replace("tcp://127.0.0.1:1883", "tcp://127.0.0.1:" + freePort())
                .replace("http://127.0.0.1:8086", "http://127.0.0.1:" + freePort())
                + "http:\n  host: 127.0.0.1\n  port: 0\nstorage:\n  dataDir: " + dir.resolve("data") + "\n";
        SiteConfig site = org.linli.gateway.sitefile.SiteFiles.parse(yaml, "site-small.yaml", profiles.deviceTypes(), TestSites.ENV);
        gateway = new Gateway(site, profiles, TestSites.ENV, Clock.systemUTC())
                .withSource(ctx -> new HttpPushSource(ctx, pushPort)); // the one line that adds the transport
        vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        // the registry refreshes each source's state; wait until the push source has left STARTING
        await().atMost(Duration.ofSeconds(10)).until(() -> !"STARTING".equals(getJson("/api/status")
                .getJsonObject("sources").getJsonObject(HttpPushSource.NAME).getString("state")));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return new JsonObject(r.body());
    }

    /** The value of one sample line of a Prometheus scrape, {@code name{labels} value}. */
    private static double sample(String scrape, String series) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        throw new AssertionError("no sample " + series + " in\n" + scrape);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
