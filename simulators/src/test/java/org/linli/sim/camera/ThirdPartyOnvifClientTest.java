package org.linli.sim.camera;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linli.sim.servers.Executables;
import org.linli.sim.servers.RequiredTools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The camera simulator must behave like a real camera for a client that is not ours: the npm package {@code onvif}
 * 0.8.3 (used by many NVR and home-automation projects) connects, reads profiles, snapshot and stream URIs and device
 * information, and receives a motion event through its own PullPoint handling.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ThirdPartyOnvifClientTest {
    private static final Path SCRIPT = Path.of("src/test/node/onvif-npm-check.js");
    static final Path NPM_DIR = Path.of("target/npm-onvif");

    @Test
    @DisplayName("npm onvif 0.8.3 connects to the simulated camera, reads its profiles and URIs, and receives a Changed motion event")
    void npmOnvifClient() throws Exception {
        RequiredTools.require("node", Executables.find("node").isPresent());
        RequiredTools.require("npm", Executables.find("npm").isPresent());
        installOnvifPackage();
        try (SimulatedCamera camera = new SimulatedCamera(CameraSimOptions.defaults("NodeCheck").withPorts(0, -1)).start()) {
            ScheduledExecutorService motion = Executors.newSingleThreadScheduledExecutor();
            motion.scheduleAtFixedRate(() -> camera.triggerMotion(true), 3, 2, TimeUnit.SECONDS);
            try {
                Path log = Files.createTempFile("onvif-npm", ".log");
                ProcessBuilder pb = new ProcessBuilder("node", SCRIPT.toAbsolutePath().toString(), String.valueOf(camera.httpPort()))
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                pb.environment().put("NODE_PATH", NPM_DIR.resolve("node_modules").toAbsolutePath().toString());
                Process node = pb.start();
                boolean finished = node.waitFor(60, TimeUnit.SECONDS);
                String out = Files.readString(log, StandardCharsets.UTF_8);
                if (!finished) {
                    node.destroyForcibly();
                }
                assertTrue(finished, "node did not finish: " + out);
                assertEquals(0, node.exitValue(), out);
                assertTrue(out.contains("connected; profiles: Profile_1"), out);
                assertTrue(out.contains("snapshotUri http://"), out);
                assertTrue(out.contains("streamUri rtsp://"), out);
                assertTrue(out.contains("EVENT") && out.contains("Changed"), out);
            } finally {
                motion.shutdownNow();
            }
        }
    }

    /** {@code npm install onvif@0.8.3} into target/, once per build. */
    static void installOnvifPackage() throws Exception {
        if (Files.isDirectory(NPM_DIR.resolve("node_modules/onvif"))) {
            return;
        }
        Files.createDirectories(NPM_DIR);
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", NPM_DIR.toAbsolutePath().toString(),
                "onvif@0.8.3").redirectErrorStream(true).redirectOutput(NPM_DIR.resolve("npm-install.log").toFile()).start();
        assertTrue(npm.waitFor(180, TimeUnit.SECONDS), "npm install timed out");
        assertEquals(0, npm.exitValue(), "npm install failed: " + Files.readString(NPM_DIR.resolve("npm-install.log")));
    }
}
