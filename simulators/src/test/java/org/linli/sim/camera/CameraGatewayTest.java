package org.linli.sim.camera;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.Gateway;
import org.linli.gateway.GatewayMain;
import org.linli.sim.servers.FreePort;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linli.sim.camera.CameraGatewayFixture.alerts;
import static org.linli.sim.camera.CameraGatewayFixture.camera;
import static org.linli.sim.camera.CameraGatewayFixture.cameraStatus;
import static org.linli.sim.camera.CameraGatewayFixture.get;
import static org.linli.sim.camera.CameraGatewayFixture.getJson;
import static org.linli.sim.camera.CameraSupervisorTest.await;
import static org.linli.sim.camera.CameraSupervisorTest.holds;

/** Cameras inside a deployed gateway, against simulated cameras, observed through the gateway's real HTTP API. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CameraGatewayTest {
    private final Vertx vertx = Vertx.vertx();
    private final List<SimulatedCamera> cams = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        cams.forEach(SimulatedCamera::stop);
    }

    private SimulatedCamera simulate(CameraSimOptions options) throws Exception {
        SimulatedCamera c = new SimulatedCamera(options).start();
        cams.add(c);
        return c;
    }

    private static String status(int port, String id) {
        try {
            return cameraStatus(port, id).getString("status");
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Waits until the first alert of this type is DEVICE_CLEARED (the camera recovered). */
    private static void awaitCleared(int port, String type) throws InterruptedException {
        await(type + " cleared", Duration.ofSeconds(5), () -> {
            try {
                return "DEVICE_CLEARED".equals(alerts(port, type).getJsonObject(0).getString("state"));
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static int count(int port, String type) {
        try {
            return alerts(port, type).size();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    @DisplayName("a stopped camera goes OFFLINE with exactly one CAMERA_OFFLINE alert however often reconnects fail; back on, it is ONLINE and the alert cleared")
    void offlineOnceThenCleared(@TempDir Path dir) throws Exception {
        // GIVEN a gateway supervising a camera on a fixed port
        SimulatedCamera sim = simulate(CameraSimOptions.defaults("Gate-7").withPorts(FreePort.pick(), -1));
        Gateway gw = CameraGatewayFixture.deploy(vertx, CameraGatewayFixture.site(dir,
                camera("cam-7-gate", sim.deviceServiceUri(), "CAM_PASSWORD", "[\"7:gate\"]", null)));
        int port = gw.httpPort();
        await("ONLINE", Duration.ofSeconds(15), () -> "ONLINE".equals(status(port, "cam-7-gate")));

        // WHEN the camera goes away for several reconnect rounds (back-off capped at 1 s)
        sim.stop();
        await("OFFLINE", Duration.ofSeconds(20), () -> "OFFLINE".equals(status(port, "cam-7-gate")));
        await("an offline alert", Duration.ofSeconds(10), () -> count(port, "CAMERA_OFFLINE") >= 1);
        holds("one offline alert over 4 s of reconnect rounds", Duration.ofSeconds(4),
                () -> count(port, "CAMERA_OFFLINE") == 1);
        // THEN one alert, raised once, on the camera's place and grid
        JsonArray offline = alerts(port, "CAMERA_OFFLINE");
        assertEquals(1, offline.size(), offline.encode());
        JsonObject alert = offline.getJsonObject(0);
        assertEquals(1, alert.getInteger("count"));
        assertEquals("OPEN", alert.getString("state"));
        assertEquals("MAJOR", alert.getString("severity"));
        assertEquals("gate", alert.getJsonObject("location").getString("area"));
        assertEquals("g7", alert.getString("grid"));
        assertTrue(cameraStatus(port, "cam-7-gate").getJsonObject("counters").getLong("connectFailures") >= 2,
                "it kept trying meanwhile");

        // WHEN the camera is back
        sim.start();
        // THEN the camera is ONLINE and the alert is cleared, not duplicated
        await("ONLINE again", Duration.ofSeconds(20), () -> "ONLINE".equals(status(port, "cam-7-gate")));
        awaitCleared(port, "CAMERA_OFFLINE");
        assertEquals(1, count(port, "CAMERA_OFFLINE"));
        await("subscribed again", Duration.ofSeconds(10), () -> sim.activeSubscriptions() == 1);
    }

    @Test
    @DisplayName("a camera whose event service hangs goes EVENTS_STALE with one CAMERA_EVENTS_STALE alert (not OFFLINE); answering again, it is ONLINE and the alert cleared")
    void eventsStaleOnceThenCleared(@TempDir Path dir) throws Exception {
        // GIVEN a gateway supervising a camera (2 s polls: events are stale after 4 s without an answer)
        SimulatedCamera sim = simulate(CameraSimOptions.defaults("Gate-7"));
        Gateway gw = CameraGatewayFixture.deploy(vertx, CameraGatewayFixture.site(dir,
                camera("cam-7-gate", sim.deviceServiceUri(), "CAM_PASSWORD", "[\"7:gate\"]", null)));
        int port = gw.httpPort();
        await("ONLINE and subscribed", Duration.ofSeconds(15),
                () -> "ONLINE".equals(status(port, "cam-7-gate")) && sim.activeSubscriptions() == 1);

        // WHEN its PullMessages stop being answered (the camera still answers everything else)
        sim.hangPullMessages(true);
        // THEN the camera is EVENTS_STALE, with one alert on its place, and it is not called offline
        await("EVENTS_STALE", Duration.ofSeconds(20), () -> "EVENTS_STALE".equals(status(port, "cam-7-gate")));
        await("a stale alert", Duration.ofSeconds(10), () -> count(port, "CAMERA_EVENTS_STALE") >= 1);
        holds("still EVENTS_STALE with one alert, never called offline", Duration.ofSeconds(2),
                () -> "EVENTS_STALE".equals(status(port, "cam-7-gate"))
                        && count(port, "CAMERA_EVENTS_STALE") == 1);
        JsonArray stale = alerts(port, "CAMERA_EVENTS_STALE");
        assertEquals(1, stale.size(), stale.encode());
        assertEquals("OPEN", stale.getJsonObject(0).getString("state"));
        assertEquals("gate", stale.getJsonObject(0).getJsonObject("location").getString("area"));
        assertEquals(0, count(port, "CAMERA_OFFLINE"));

        // WHEN the event service answers again
        sim.hangPullMessages(false);
        // THEN the camera is ONLINE and the alert cleared, not duplicated
        await("ONLINE again", Duration.ofSeconds(20), () -> "ONLINE".equals(status(port, "cam-7-gate")));
        awaitCleared(port, "CAMERA_EVENTS_STALE");
        assertEquals(1, count(port, "CAMERA_EVENTS_STALE"));
    }

    @Test
    @DisplayName("a wrong camera password shows as NOT_AUTHORIZED on /api/status with a hint, one alert, and no reconnect storm")
    void wrongPassword(@TempDir Path dir) throws Exception {
        // GIVEN a camera configured with the wrong password (reconnect back-off capped at 1 s)
        SimulatedCamera sim = simulate(CameraSimOptions.defaults("Gate-7"));
        Gateway gw = CameraGatewayFixture.deploy(vertx, CameraGatewayFixture.site(dir,
                camera("cam-7-gate", sim.deviceServiceUri(), "CAM_WRONG_PASSWORD", "[\"7\"]", null)));
        int port = gw.httpPort();
        // WHEN it has tried for a while
        await("NOT_AUTHORIZED", Duration.ofSeconds(15), () -> "NOT_AUTHORIZED".equals(status(port, "cam-7-gate")));
        holds("NOT_AUTHORIZED while it keeps trying", Duration.ofMillis(2_500),
                () -> "NOT_AUTHORIZED".equals(status(port, "cam-7-gate")));
        // THEN the status says why and what to check, the process keeps serving, one alert stands
        JsonObject s = cameraStatus(port, "cam-7-gate");
        assertEquals("NOT_AUTHORIZED", s.getString("status"));
        assertTrue(s.getString("lastError").contains("CAM_WRONG_PASSWORD"), s.getString("lastError"));
        assertTrue(s.getJsonObject("counters").getLong("connectFailures") <= 4, "retried at the slow pace: " + s.encode());
        assertEquals(1, count(port, "CAMERA_OFFLINE"));
        assertEquals(0, sim.activeSubscriptions());
    }

    @Test
    @DisplayName("tamper raises CAMERA_TAMPER with a snapshot served as image/jpeg; motion alerts only inside the motion window, and every event is recorded")
    void eventsToAlertsWithEvidence(@TempDir Path dir) throws Exception {
        // GIVEN a gate camera whose motion window is now, and a unit camera whose window is hours away
        SimulatedCamera gate = simulate(CameraSimOptions.defaults("Gate-7"));
        SimulatedCamera hall = simulate(CameraSimOptions.defaults("Hall-7-1"));
        Gateway gw = CameraGatewayFixture.deploy(vertx, CameraGatewayFixture.site(dir,
                camera("cam-gate", gate.deviceServiceUri(), "CAM_PASSWORD", "[\"7:gate\"]",
                        CameraGatewayFixture.windowAroundNow(true))
                        + camera("cam-hall", hall.deviceServiceUri(), "CAM_PASSWORD", "[\"7-1\"]",
                        CameraGatewayFixture.windowAroundNow(false))));
        int port = gw.httpPort();
        await("both subscribed", Duration.ofSeconds(15), () -> gate.activeSubscriptions() == 1 && hall.activeSubscriptions() == 1);

        // WHEN both see motion and the gate camera is tampered with
        gate.triggerMotion(true);
        hall.triggerMotion(true);
        gate.triggerTamper();

        // THEN motion at the gate (inside its window) and the tamper raise alerts; the hall's motion does not
        await("motion and tamper alerts", Duration.ofSeconds(10),
                () -> count(port, "CAMERA_MOTION") == 1 && count(port, "CAMERA_TAMPER") == 1);
        await("three events through the pipeline", Duration.ofSeconds(10),
                () -> gw.pipeline().stats().toJson().getLong("events") >= 3);
        holds("no motion alert for the hall", Duration.ofMillis(500), () -> count(port, "CAMERA_MOTION") == 1);
        assertEquals(1, count(port, "CAMERA_MOTION"), "hall motion outside its window: recorded, no alert");
        JsonObject motion = alerts(port, "CAMERA_MOTION").getJsonObject(0);
        assertEquals("cam-gate", motion.getJsonObject("device").getString("id"));

        // and the tamper alert carries a snapshot link that serves the gate camera's JPEG
        await("evidence attached", Duration.ofSeconds(10),
                () -> {
                    try {
                        return !alerts(port, "CAMERA_TAMPER").getJsonObject(0).getJsonArray("evidence").isEmpty();
                    } catch (Exception e) {
                        return false;
                    }
                });
        String link = alerts(port, "CAMERA_TAMPER").getJsonObject(0).getJsonArray("evidence").getString(0);
        assertTrue(link.startsWith("/api/snapshots/"), link);
        HttpResponse<byte[]> jpeg = get(port, link);
        assertEquals(200, jpeg.statusCode());
        assertEquals("image/jpeg", jpeg.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(gate.snapshotJpeg(), jpeg.body());

        // and unknown or hostile snapshot ids are 404
        assertEquals(404, get(port, "/api/snapshots/nope").statusCode());
        assertEquals(404, get(port, "/api/snapshots/..%2F..%2Fetc%2Fpasswd").statusCode());
        assertEquals(404, get(port, "/api/snapshots/%2E%2E").statusCode());
    }

    @Test
    @DisplayName("discovery over the API and the CLI lists the simulated camera with its XAddr as a pasteable cameras: entry")
    void discovery(@TempDir Path dir) throws Exception {
        // GIVEN a camera answering WS-Discovery on a loopback port, and a gateway without cameras
        SimulatedCamera sim = simulate(CameraSimOptions.defaults("Gate-7"));
        Gateway gw = CameraGatewayFixture.deploy(vertx, CameraGatewayFixture.site(dir, "    []\n"));
        // WHEN an installer asks the API
        JsonObject found = getJson(gw.httpPort(), "/api/cameras/discovery?wait=1&host=127.0.0.1&port=" + sim.discoveryPort());
        // THEN the camera is there with its device service address, and as YAML
        assertEquals(1, found.getInteger("count"));
        JsonObject d = found.getJsonArray("devices").getJsonObject(0);
        assertEquals(sim.endpointReference(), d.getString("endpointReference"));
        assertEquals(sim.deviceServiceUri().toString(), d.getJsonArray("xaddrs").getString(0));
        assertEquals("Gate-7", d.getString("name"));
        assertTrue(found.getString("yaml").contains("xaddr: " + sim.deviceServiceUri()), found.getString("yaml"));
        // and the API will not send probes to arbitrary hosts
        assertEquals(400, get(gw.httpPort(), "/api/cameras/discovery?host=8.8.8.8").statusCode());

        // WHEN the installer runs the CLI
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = GatewayMain.discover(new String[]{"discover", "--wait", "1", "--host", "127.0.0.1", "--port",
                Integer.toString(sim.discoveryPort())}, new PrintStream(out, true, StandardCharsets.UTF_8));
        // THEN it prints an entry that names the camera's XAddr and asks for the rest
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc);
        assertTrue(text.contains("  - id: cam-1"), text);
        assertTrue(text.contains("    xaddr: " + sim.deviceServiceUri()), text);
        assertTrue(text.contains("    name: \"Gate-7\""), text);
        assertTrue(text.contains("passwordEnv: LINLI_CAMERA_1_PASSWORD"), text);
    }
}
