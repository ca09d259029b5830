package org.linli.sim.camera;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.Gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linli.sim.camera.CameraGatewayFixture.camera;
import static org.linli.sim.camera.CameraGatewayFixture.cameraStatus;
import static org.linli.sim.camera.CameraSupervisorTest.await;

/**
 * What a deployed gateway refuses from a camera, and how its status says so: HTTP Basic over plain http without
 * the camera's opt-in, and an answer declaring a huge Content-Length. Real gateway, real HTTP.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CameraRefusalsGatewayTest {
    private static final long TEN_GIB = 10L * 1024 * 1024 * 1024;
    private final Vertx vertx = Vertx.vertx();
    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        for (AutoCloseable s : servers) {
            s.close();
        }
    }

    private SimulatedCamera basicOnlyCamera() throws Exception {
        SimulatedCamera c = new SimulatedCamera(CameraSimOptions.defaults("Gate-7")
                .withAuthMode(CameraSimOptions.AuthMode.HTTP_BASIC).withPorts(0, -1)).start();
        servers.add(c);
        return c;
    }

    private Gateway gateway(Path dir, String entry) throws Exception {
        return CameraGatewayFixture.deploy(vertx, CameraGatewayFixture.site(dir, entry));
    }

    private static JsonObject status(int port) {
        try {
            return cameraStatus(port, "cam-7-gate");
        } catch (Exception e) {
            return new JsonObject().put("status", e.toString());
        }
    }

    @Test
    @DisplayName("a camera asking for Basic over plain http is refused without allowBasicOverHttp: NOT_AUTHORIZED with the reason, counted, and the camera never receives the password")
    void basicOverHttpRefused(@TempDir Path dir) throws Exception {
        // GIVEN a camera that only accepts HTTP Basic, configured without the opt-in
        SimulatedCamera sim = basicOnlyCamera();
        int port = gateway(dir, camera("cam-7-gate", sim.deviceServiceUri(), "CAM_PASSWORD", "[\"7:gate\"]", null))
                .httpPort();
        // WHEN the gateway has tried to connect a few times
        await("refused twice", Duration.ofSeconds(20),
                () -> status(port).getJsonObject("counters", new JsonObject()).getLong("insecureAuthRefused", 0L) >= 2);
        // THEN the status names the refusal and how to allow it, and no Basic header ever reached the camera
        JsonObject s = status(port);
        assertEquals("NOT_AUTHORIZED", s.getString("status"), s.encode());
        assertTrue(s.getString("lastError").contains("camera asks for HTTP Basic over plain http")
                && s.getString("lastError").contains("allowBasicOverHttp"), s.encode());
        assertEquals(0, sim.basicCredentialsReceived());
    }

    @Test
    @DisplayName("with allowBasicOverHttp: true the same Basic-only camera connects and goes ONLINE")
    void basicOverHttpWithOptIn(@TempDir Path dir) throws Exception {
        SimulatedCamera sim = basicOnlyCamera();
        int port = gateway(dir, camera("cam-7-gate", sim.deviceServiceUri(), "CAM_PASSWORD", "[\"7:gate\"]", null)
                + "      allowBasicOverHttp: true\n").httpPort();
        await("ONLINE and subscribed", Duration.ofSeconds(20),
                () -> "ONLINE".equals(status(port).getString("status")) && sim.activeSubscriptions() == 1);
        assertTrue(sim.basicCredentialsReceived() > 0);
    }

    @Test
    @DisplayName("a camera declaring a 10 GiB answer is OFFLINE with a reason naming the declared size and the limit, counted, and its bytes are not read")
    void oversizedAnswer(@TempDir Path dir) throws Exception {
        // GIVEN a "camera" whose every answer declares 10 GiB and streams as fast as it is read
        AtomicLong written = new AtomicLong();
        URI xaddr = oversizedServer(written);
        int port = gateway(dir, camera("cam-7-gate", xaddr, "CAM_PASSWORD", "[\"7:gate\"]", null)).httpPort();
        // WHEN the gateway has tried to connect a few times
        await("refused twice", Duration.ofSeconds(20),
                () -> status(port).getJsonObject("counters", new JsonObject()).getLong("oversizedAnswers", 0L) >= 2);
        // THEN the status says what was refused, not "no answer"
        JsonObject s = status(port);
        assertEquals("OFFLINE", s.getString("status"), s.encode());
        assertTrue(s.getString("lastError").contains("answer of " + TEN_GIB + " bytes declared, limit 1048576"),
                s.encode());
        long attempts = s.getJsonObject("counters").getLong("oversizedAnswers");
        assertTrue(written.get() <= attempts * 48L * 1024 * 1024, "server wrote " + written.get() + " bytes");
    }

    /** A loopback server answering every request with a 10 GiB Content-Length, counting the bytes it writes. */
    private URI oversizedServer(AtomicLong written) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", ex -> {
            byte[] chunk = new byte[64 * 1024];
            try (ex) {
                ex.getRequestBody().readAllBytes();
                ex.sendResponseHeaders(200, TEN_GIB);
                OutputStream out = ex.getResponseBody();
                for (long n = 0; n < TEN_GIB; n += chunk.length) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                // the client hung up
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        servers.add(() -> server.stop(0));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/onvif/device_service");
    }
}
