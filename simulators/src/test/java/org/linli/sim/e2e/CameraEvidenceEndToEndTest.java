package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.CameraConfig;
import org.linli.gateway.config.CamerasOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.sim.camera.CameraSimOptions;
import org.linli.sim.camera.SimulatedCamera;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.DevicePublisher;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Snapshot evidence on real servers: a gas alarm published to Mosquitto by the simulated compound, in a building a
 * simulated camera covers, becomes an alert whose snapshot link, served by the gateway, returns the camera's JPEG.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CameraEvidenceEndToEndTest {

    @Test
    @DisplayName("a gas alarm in building 3, covered by a camera, gets a snapshot link that serves that camera's JPEG; camera events land in device_event")
    void gasAlarmGetsSnapshot(@TempDir Path dir) throws Exception {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        Vertx vertx = Vertx.vertx();
        // the harness's gateway resolves every secret to "test-token"; the camera's password is that
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false).start();
             QuestDbServer db = new QuestDbServer(dir.resolve("questdb")).start();
             SimulatedCamera cam = new SimulatedCamera(CameraSimOptions.defaults("Building-3")
                     .withCredentials("admin", "test-token")).start()) {
            // GIVEN the generated compound plus a camera covering building 3
            SiteConfig base = E2eHarness.site(broker.url(), "linli-cam-e2e", "5", db.url(), dir.resolve("gw"));
            CameraConfig camera = CameraConfig.of("cam-3", "3号楼入口", cam.deviceServiceUri().toString(), "admin",
                    "LINLI_CAMERA_PASSWORD", List.of("3"))
                    .withTimes(2, 60);
            SiteConfig site = base.withCameras(CamerasOptions.of(List.of(camera)).withReconnectMaxSeconds(1));
            Gateway gateway = E2eHarness.deploy(vertx, site);
            int port = gateway.httpPort();
            E2eHarness.await("camera subscribed", Duration.ofSeconds(15), () -> cam.activeSubscriptions() == 1);

            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-cam-e2e");
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 7)) {
                // WHEN the gas alarm at 3-2-501 goes off (published over MQTT) and the camera sees motion
                sim.gasLeak("3-2-501").get(10, TimeUnit.SECONDS);
                cam.triggerMotion(true);

                // THEN the gas alert gets a snapshot link
                E2eHarness.await("gas alert with evidence", Duration.ofSeconds(20), () -> !evidence(port).isEmpty(),
                        () -> alertsText(port));
                String link = evidence(port);
                assertTrue(link.startsWith("/api/snapshots/"), link);
                // and the gateway's HTTP API serves exactly the camera's JPEG at that link
                HttpResponse<byte[]> r = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + link)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode());
                assertEquals("image/jpeg", r.headers().firstValue("Content-Type").orElse(""));
                assertEquals((byte) 0xFF, r.body()[0]);
                assertEquals((byte) 0xD8, r.body()[1]);
                assertArrayEquals(cam.snapshotJpeg(), r.body());
                assertEquals(1L, E2eHarness.getJson(port, "/api/status").getJsonObject("snapshots").getLong("fetched"));

                // and the camera's motion is a device_event point with the camera's place
                E2eHarness.await("camera event stored", Duration.ofSeconds(30),
                        () -> db.count("device_event", "device = 'cam-3' and event = 'motion' and building = '3'"
                                + " and device_type = 'camera'") == 1);
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            }
        }
    }

    /** The first evidence link of the gas alert of 3-2-501, or "" while there is none. */
    private static String evidence(int port) {
        try {
            for (Object o : E2eHarness.getJson(port, "/api/alerts").getJsonArray("alerts")) {
                JsonObject a = (JsonObject) o;
                if ("GAS_LEAK".equals(a.getString("type")) && !a.getJsonArray("evidence").isEmpty()) {
                    return a.getJsonArray("evidence").getString(0);
                }
            }
        } catch (Exception e) {
            return "";
        }
        return "";
    }

    private static String alertsText(int port) {
        try {
            return E2eHarness.getJson(port, "/api/alerts").encode() + " "
                    + E2eHarness.getJson(port, "/api/status").getJsonObject("snapshots");
        } catch (Exception e) {
            return e.toString();
        }
    }
}
