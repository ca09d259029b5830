package org.linli.gateway.pipeline;

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
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.sitefile.SiteFiles;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up decode warm-up ({@link DecodeWarmUp}) on a real gateway (the small test site with three real vendor
 * profiles; no broker, no time-series server, so no traffic): it decodes samples of every profile on the decode
 * workers, ends within its bound, and leaves every counter of {@code /api/status}, the dead letters and the disk queue
 * as a gateway that decoded nothing has them.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DecodeWarmUpTest {
    /** Room for thread scheduling on a loaded 2-core box: the bound is checked before every message. */
    private static final Duration SCHEDULING_SLACK = Duration.ofSeconds(1);

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
    @DisplayName("the warm-up at start decodes samples of every profile in use on the configured decode workers, "
            + "within its bound, and writes and counts nothing")
    void warmUpAtStartWritesAndCountsNothing(@TempDir Path dir) throws Exception {
        // GIVEN a site with gas, smoke and water devices of three vendor profiles and pipeline.decodeThreads: 2
        // WHEN the gateway starts (no broker: no message arrives)
        start(dir, "pipeline:\n  decodeThreads: 2\n");

        // THEN the warm-up ran before the start completed, with a sample of each profile, within its bound
        DecodeWarmUp.Result r = gateway.warmUpResult();
        assertNotNull(r, "the warm-up runs before the MQTT connect");
        assertEquals(3, r.profiles(), r.toString());
        assertTrue(r.decoded() > 0, r.toString());
        assertTrue(r.took().compareTo(DecodeWarmUp.DEFAULT_BOUND.plus(SCHEDULING_SLACK)) < 0, r.toString());
        // AND the alert path was warmed too, with nothing raised
        assertNotNull(gateway.alertWarmUpResult(), "the alert path warm-up runs before the MQTT connect");
        assertTrue(gateway.alertWarmUpResult().alerts() > 0, gateway.alertWarmUpResult().toString());
        assertTrue(getJson("/api/alerts").getJsonArray("alerts").isEmpty(), "no alert is raised by the warm-up");
        // AND the HTTP server's path: its own /health and /metrics were asked for and answered before the connect
        assertNotNull(gateway.httpWarmUpResult(), "the HTTP warm-up runs before the MQTT connect");
        assertEquals(2, gateway.httpWarmUpResult().answered(), gateway.httpWarmUpResult().toString());
        // AND the site file's worker count is the one running
        JsonObject status = getJson("/api/status");
        assertEquals(2, status.getJsonObject("mqtt").getJsonObject("ingest").getInteger("decodeThreads"), status.encode());
        // AND nothing was counted, dead-lettered or queued
        assertNothingCountedOrQueued(status);
    }

    @Test
    @DisplayName("a warm-up with more messages than its bound allows stops at the bound, and still writes nothing")
    void warmUpStopsAtItsBound(@TempDir Path dir) throws Exception {
        // GIVEN a running gateway whose start-up warm-up is over
        start(dir, "");
        // WHEN a warm-up of 100 million messages, bounded at 50 ms, runs on its decode workers
        Duration bound = Duration.ofMillis(50);
        DecodeWarmUp.Result r = new DecodeWarmUp(gateway.site(), profiles, gateway.pipeline(), Clock.systemUTC(),
                100_000_000, bound).run(gateway.mqtt().lanes()).get(30, TimeUnit.SECONDS);

        // THEN it stopped at its bound, far short of its count
        assertTrue(r.stoppedAtBound(), r.toString());
        assertTrue(r.decoded() > 0 && r.decoded() < 100_000_000, r.toString());
        assertTrue(r.took().compareTo(bound.plus(SCHEDULING_SLACK)) < 0, r.toString());
        // AND the gateway's counters and queue are still those of a gateway that received nothing
        assertNothingCountedOrQueued(getJson("/api/status"));
    }

    private static void assertNothingCountedOrQueued(JsonObject status) {
        String all = status.encode();
        JsonObject pipeline = status.getJsonObject("pipeline");
        assertTrue(pipeline.getJsonObject("receivedBySource").isEmpty(), all);
        assertTrue(pipeline.getJsonObject("receivedByFeed").isEmpty(), all);
        for (String counter : new String[]{"decodedMessages", "readings", "events", "rejected"}) {
            assertEquals(0L, pipeline.getLong(counter), counter + " in " + all);
        }
        assertEquals(0, status.getInteger("devicesHeardFrom"), all);
        assertTrue(status.getJsonObject("decodeFailures").isEmpty(), all);
        assertEquals(0L, status.getLong("deadLettersUnwritten"), all);
        JsonObject queue = status.getJsonObject("queue");
        for (String counter : new String[]{"depthPoints", "depthEventPoints", "offeredPoints", "acceptedPoints"}) {
            assertEquals(0L, queue.getLong(counter), "queue." + counter + " in " + all);
        }
        assertFalse(status.getJsonObject("rules").getLong("failures") > 0, all);
    }

    /** Deploys the small test site with real vendor profiles, a broker and a server that are not there, and {@code extraYaml}. */
    private void start(Path dir, String extraYaml) throws Exception {
        String yaml = TestSites.smallYaml()
                .replace("profile: test-gas", "profile: acme-gas-flat")
                .replace("profile: test-smoke", "profile: beacon-smoke-iso")
                .replace("profile: test-water", "profile: acme-water-flat")
                .replace("tcp://127.0.0.1:1883", "tcp://127.0.0.1:" + freePort())
                .replace("http://127.0.0.1:8086", "http://127.0.0.1:" + freePort())
                + "http:\n  host: 127.0.0.1\n  port: 0\nstorage:\n  dataDir: " + dir.resolve("data") + "\n" + extraYaml;
        SiteConfig site = SiteFiles.parse(yaml, "site-small.yaml", profiles.deviceTypes(), TestSites.ENV);
        gateway = new Gateway(site, profiles, TestSites.ENV, Clock.systemUTC());
        vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private JsonObject getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return new JsonObject(r.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
