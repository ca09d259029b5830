package org.linli.sim.camera;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.sim.servers.Executables;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.RequiredTools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14.11: the camera simulator started on its own, as {@code ./linli camera-sim --port P --name N} does (the same
 * main class in a process of its own), is found by a stock ONVIF client's WS-Discovery: the npm package
 * {@code onvif}'s {@code Discovery.probe}, which multicasts to 239.255.255.250:3702.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class StockDiscoveryTest {
    private static final Path SCRIPT = Path.of("src/test/node/onvif-discovery-check.js");

    @TempDir
    Path dir;

    @Test
    @DisplayName("npm onvif's Discovery.probe finds the standalone camera simulator at its HTTP address")
    void stockProbeFindsSimulator() throws Exception {
        RequiredTools.require("node", Executables.find("node").isPresent());
        RequiredTools.require("npm", Executables.find("npm").isPresent());
        ThirdPartyOnvifClientTest.installOnvifPackage();
        // GIVEN the simulator started with the documented command's arguments
        int port = FreePort.pick();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process sim = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CameraSimMain.class.getName(), "--port", String.valueOf(port), "--name", "Probe-Check")
                .redirectErrorStream(true).redirectOutput(dir.resolve("sim.out").toFile()).start();
        try {
            await("simulator answering HTTP").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> answers(port));
            // WHEN a stock client probes the WS-Discovery multicast group
            Path log = dir.resolve("node.out");
            ProcessBuilder pb = new ProcessBuilder("node", SCRIPT.toAbsolutePath().toString(), "3000")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("NODE_PATH",
                    ThirdPartyOnvifClientTest.NPM_DIR.resolve("node_modules").toAbsolutePath().toString());
            Process node = pb.start();
            assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not finish");
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, node.exitValue(), out);
            // THEN it has found the simulator's device service
            assertTrue(out.contains("FOUND 127.0.0.1:" + port + "/onvif/device_service\n"),
                    out + "\nsimulator: " + Files.readString(dir.resolve("sim.out")));
        } finally {
            sim.destroy();
            sim.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean answers(int port) {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/onvif/device_service")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
