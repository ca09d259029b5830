package org.linli.sim.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.config.CameraConfig;
import org.linli.gateway.config.CamerasOptions;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.sim.camera.CameraSimOptions;
import org.linli.sim.camera.SimulatedCamera;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.RequiredTools;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14.15: a real gateway process stopped with SIGTERM (systemd, {@code docker stop}) ends within 5 s, under
 * Docker's 10 s grace, and prints no stack trace, even when the cameras it is subscribed to stop answering (their
 * connections stay open and mute) and the time-series server is down.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StopTimeTest {
    private static final long STOP_LIMIT_MS = 5_000;
    /** A line of a printed stack trace: "\tat org.example.Foo.bar(Foo.java:12)" or "... 12 more". */
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+(at \\S+\\(|\\.\\.\\. \\d+ more)");

    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private final List<SimulatedCamera> cameras = new ArrayList<>();
    private final List<SilencingTcpProxy> links = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        broker = new MosquittoBroker(dir.resolve("broker"), false).start();
        for (int i = 1; i <= 3; i++) {
            SimulatedCamera cam = new SimulatedCamera(CameraSimOptions.defaults("cam-" + i).withPorts(0, -1)).start();
            cameras.add(cam);
            links.add(new SilencingTcpProxy(cam.httpPort()));
        }
    }

    @AfterEach
    void tearDown() throws IOException {
        for (SilencingTcpProxy link : links) {
            link.close();
        }
        cameras.forEach(SimulatedCamera::close);
        broker.close();
    }

    @Test
    @DisplayName("SIGTERM with cameras gone silent and InfluxDB down: the process exits within 5 s with no stack trace")
    void stopsQuicklyAndQuietly() throws Exception {
        // GIVEN a gateway subscribed to three cameras, whose InfluxDB accepts connections and never answers
        int httpPort = FreePort.pick();
        SilencingTcpProxy deadInflux = new SilencingTcpProxy(FreePort.pick());
        links.add(deadInflux);
        deadInflux.silence();
        String influxDown = "http://127.0.0.1:" + deadInflux.port();
        SiteConfig base = E2eHarness.site(broker.url(), "linli-stop-test", "5", influxDown, dir.resolve("data"));
        List<CameraConfig> cams = new ArrayList<>();
        for (int i = 0; i < cameras.size(); i++) {
            String xaddr = "http://127.0.0.1:" + links.get(i).port() + "/onvif/device_service";
            cams.add(CameraConfig.of("cam-" + (i + 1), (i + 1) + "号楼", xaddr, "admin", "CAM_PASSWORD",
                    List.of(String.valueOf(i + 1))));
        }
        SiteConfig site = base.withHttp(HttpOptions.on("127.0.0.1", httpPort)).withCameras(CamerasOptions.of(cams));
        try (GatewayProcess gw = GatewayProcess.start(GatewayProcess.writeConfig(site, dir, "stop"), dir, "stop",
                Map.of("CAM_PASSWORD", "admin123"))) {
            awaitRunning(gw, httpPort);
            E2eHarness.await("three cameras subscribed", Duration.ofSeconds(60),
                    () -> cameras.stream().allMatch(c -> c.activeSubscriptions() > 0), gw::tail);
            // AND points waiting for it
            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-stop");
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 7)) {
                sim.publishRound().get(30, TimeUnit.SECONDS);
            }
            E2eHarness.await("points queued for the time-series server", Duration.ofSeconds(30), () -> {
                try {
                    return E2eHarness.getJson(httpPort, "/api/status").getJsonObject("queue").getLong("depthPoints") > 0;
                } catch (Exception e) {
                    return false;
                }
            }, gw::tail);
            // AND the cameras' network goes silent: every request from now on hangs (a long poll is waiting)
            links.forEach(SilencingTcpProxy::silence);

            // WHEN the gateway gets SIGTERM
            int printedBefore = gw.output().length();
            long t0 = System.nanoTime();
            gw.terminate();

            // THEN it has exited within 5 s
            boolean exited = gw.exits(60);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(exited, "still running 60 s after SIGTERM\n" + gw.tail());
            assertTrue(ms <= STOP_LIMIT_MS, "stop took " + ms + " ms\n" + gw.tail());
            // AND nothing it printed from then on is a stack trace
            String out = gw.output().substring(printedBefore);
            assertFalse(STACK_FRAME.matcher(out).find() || out.contains("Exception in thread"),
                    "stack trace at stop:\n" + out);
        }
    }

    private static void awaitRunning(GatewayProcess p, int port) throws InterruptedException {
        E2eHarness.await("gateway process answering with MQTT connected", Duration.ofSeconds(60), () -> {
            try {
                return p.isAlive() && "CONNECTED".equals(E2eHarness.getJson(port, "/api/status")
                        .getJsonObject("mqtt").getString("state"));
            } catch (Exception e) {
                return false;
            }
        }, p::tail);
    }
}
