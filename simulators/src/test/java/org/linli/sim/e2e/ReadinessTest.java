package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.QueueOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.QuestDbServer;
import org.linli.sim.servers.RequiredTools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET /health/ready} on a running gateway: 503 while the broker is gone or InfluxDB has failed for longer than
 * the queue-age limit, 200 again once they are back; {@code GET /health} stays 200 throughout.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReadinessTest {
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

    private record Answer(int status, JsonObject body) {
        String component(String name) {
            return body.getJsonObject("components").getJsonObject(name).getString("status");
        }
    }

    private static Answer get(Gateway g, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + g.httpPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), new JsonObject(r.body()));
    }

    /** Polls readiness until it answers {@code status}; returns that answer. */
    private static Answer awaitReady(Gateway g, int status, Duration timeout) throws Exception {
        Answer[] last = {null};
        E2eHarness.await("/health/ready answering " + status, timeout, () -> {
            try {
                last[0] = get(g, "/health/ready");
                return last[0].status() == status;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> "last answer: " + (last[0] == null ? null : last[0].status() + " " + last[0].body().encode()));
        return last[0];
    }

    @Test
    @DisplayName("the broker stopping makes the gateway not ready (503, mqtt DOWN) while it stays alive; its return makes it ready")
    void brokerDownIsNotReady(@TempDir Path dir) throws Exception {
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false).start()) {
            // GIVEN a connected gateway (its InfluxDB is unreachable, but nothing is queued, so that does not count)
            SiteConfig site = E2eHarness.site(broker.url(), "linli-ready", "5", "http://127.0.0.1:" + FreePort.pick(),
                    dir.resolve("gw"));
            Gateway gateway = E2eHarness.deploy(vertx, site);
            Answer up = awaitReady(gateway, 200, Duration.ofSeconds(10));
            assertEquals("UP", up.body().getString("status"));
            assertEquals("UP", up.component("mqtt"));
            assertEquals("UP", up.component("influx"));

            // WHEN the broker stops
            broker.stop();

            // THEN readiness fails on the broker, and liveness still answers
            Answer down = awaitReady(gateway, 503, Duration.ofSeconds(20));
            assertEquals("DOWN", down.body().getString("status"));
            assertEquals("DOWN", down.component("mqtt"));
            assertEquals("UP", down.component("influx"));
            assertEquals(200, get(gateway, "/health").status());

            // AND once the broker is back, the gateway reconnects and is ready again
            broker.start();
            Answer again = awaitReady(gateway, 200, Duration.ofSeconds(30));
            assertEquals("CONNECTED", again.body().getJsonObject("components").getJsonObject("mqtt").getString("state"));
        }
    }

    @Test
    @DisplayName("InfluxDB failing with queued points older than queue.readyMaxAgeSeconds makes the gateway not ready; "
            + "writes accepted again make it ready")
    void influxDownTooLongIsNotReady(@TempDir Path dir) throws Exception {
        int influxPort = FreePort.pick();
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false).start()) {
            // GIVEN a gateway whose InfluxDB is down, with a 2 s limit on the age of queued points
            SiteConfig site = E2eHarness.site(broker.url(), "linli-ready-influx", "5", "http://127.0.0.1:" + influxPort,
                    dir.resolve("gw")).withQueue(QueueOptions.defaults().withReadyMaxAgeSeconds(2));
            Gateway gateway = E2eHarness.deploy(vertx, site);
            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-ready");
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 3)) {
                // WHEN devices report and their points wait in the queue
                sim.publishRound().get(30, TimeUnit.SECONDS);

                // THEN readiness first says RETRYING (still ready), then, past 2 s, DOWN on influx
                Answer down = awaitReady(gateway, 503, Duration.ofSeconds(20));
                assertEquals("DOWN", down.component("influx"));
                assertEquals("UP", down.component("mqtt"));
                JsonObject influx = down.body().getJsonObject("components").getJsonObject("influx");
                assertEquals(2, influx.getInteger("maxQueueAgeSeconds"));
                assertEquals(true, influx.getDouble("oldestQueuedSeconds") > 2, influx.encode());
                assertEquals(true, influx.getLong("queuedPoints") > 0, influx.encode());
                assertEquals(200, get(gateway, "/health").status());

                // AND once a time-series server answers on that address, the queue drains and the gateway is ready
                try (QuestDbServer db = new QuestDbServer(dir.resolve("questdb"), influxPort).start()) {
                    Answer up = awaitReady(gateway, 200, Duration.ofSeconds(60));
                    assertEquals("UP", up.component("influx"));
                    E2eHarness.await("the queue drained", Duration.ofSeconds(30),
                            () -> gateway.store().stats().acceptedPoints() >= sim.ledger().points());
                }
            }
        }
    }
}
