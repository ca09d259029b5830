package org.linli.sim.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.RequiredTools;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10.5: a real gateway process that cannot start exits non-zero with one line on stderr instead of staying
 * half-alive (connected to MQTT, serving nothing), and one data directory serves one gateway. The broker is a real
 * Mosquitto, whose log shows whether the gateway connected out before failing.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StartupFailureTest {
    /** A hang guard only: a failing start takes a few seconds, today's half-alive gateway never exits. */
    private static final int EXIT_GUARD_S = 30;
    private static final String CLIENT_ID = "linli-startup-test";

    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private int influxPort;

    @BeforeEach
    void setUp() {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        broker = new MosquittoBroker(dir.resolve("broker"), false).start();
        influxPort = FreePort.pick(); // nothing listens there: the gateway does not write to InfluxDB to start
    }

    @AfterEach
    void tearDown() {
        broker.close();
    }

    private SiteConfig site(String influxUrl, HttpOptions http, Path dataDir) {
        SiteConfig g = E2eHarness.site(broker.url(), CLIENT_ID, "5", influxUrl, dataDir);
        return SiteConfig.of(g.site(), g.grids(), g.devices(), g.mqtt(), g.influx()).withHttp(http)
                .withStorage(g.storage());
    }

    private SiteConfig site(int httpPort, Path dataDir) {
        return site("http://127.0.0.1:" + influxPort, HttpOptions.on("127.0.0.1", httpPort), dataDir);
    }

    private GatewayProcess start(SiteConfig site, String name) throws IOException {
        return GatewayProcess.start(GatewayProcess.writeConfig(site, dir, name), dir, name);
    }

    /** How many times the gateway's client id connected to the broker, from Mosquitto's log. */
    private long brokerConnections() throws IOException {
        Matcher m = Pattern.compile("New client connected from \\S+ as " + Pattern.quote(CLIENT_ID) + " ")
                .matcher(Files.exists(broker.logFile()) ? Files.readString(broker.logFile()) : "");
        return m.results().count();
    }

    private static void awaitUp(GatewayProcess p, int port) throws InterruptedException {
        E2eHarness.await("gateway process answering with MQTT connected", Duration.ofSeconds(60), () -> {
            try {
                return p.isAlive() && "UP".equals(E2eHarness.getJson(port, "/health").getString("status"))
                        && "CONNECTED".equals(E2eHarness.getJson(port, "/api/status").getJsonObject("mqtt").getString("state"));
            } catch (Exception e) {
                return false;
            }
        }, p::tail);
    }

    /** The process ended by itself with {@code code} and wrote exactly one line, {@code linli: cannot start: ...}. */
    private static String assertCannotStart(GatewayProcess p, int code) throws Exception {
        assertTrue(p.exits(EXIT_GUARD_S), "a gateway that cannot start must exit, not stay half-alive\n" + p.tail());
        assertEquals(code, p.exitCode(), p.tail());
        List<String> stderr = p.stderrLines();
        assertEquals(1, stderr.size(), "one line on stderr, no stack trace: " + stderr);
        assertTrue(stderr.get(0).startsWith("linli: cannot start: "), stderr.get(0));
        return stderr.get(0);
    }

    @Test
    @DisplayName("HTTP port taken: exits with code 3 and one line naming the address, without having connected to MQTT")
    void portTaken() throws Exception {
        // GIVEN something else listening on the gateway's HTTP port
        try (ServerSocket squatter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = squatter.getLocalPort();
            // WHEN the gateway is started
            try (GatewayProcess gw = start(site(port, dir.resolve("data")), "port")) {
                // THEN it exits with one line that says which address is taken
                String line = assertCannotStart(gw, 3);
                assertEquals("linli: cannot start: HTTP port 127.0.0.1:" + port + " is already in use", line);
                // AND it never connected to the broker (local resources are taken before connecting out)
                assertEquals(0, brokerConnections(), "connections to the broker as " + CLIENT_ID);
            }
        }
    }

    @Test
    @DisplayName("malformed influx.url: run exits with code 1 and one line naming the key and the value")
    void malformedInfluxUrl() throws Exception {
        // GIVEN a site file whose InfluxDB URL lacks the ':' after the scheme
        SiteConfig site = site("http//127.0.0.1:" + influxPort, HttpOptions.on("127.0.0.1", FreePort.pick()),
                dir.resolve("data"));
        // WHEN the gateway is started with it
        try (GatewayProcess gw = start(site, "url")) {
            // THEN it exits at the config check, naming the key and the value
            String line = assertCannotStart(gw, 1);
            assertTrue(line.contains("influx.url: 'http//127.0.0.1:" + influxPort + "'"), line);
            assertEquals(0, brokerConnections(), "connections to the broker as " + CLIENT_ID);
        }
    }

    @Test
    @DisplayName("certificate that cannot be loaded: exits with code 3 and one line naming the HTTP listener")
    void unloadableCertificate() throws Exception {
        // GIVEN an HTTPS listener whose certificate and key files are readable but not PEM
        Files.writeString(dir.resolve("https.pem"), "not a certificate");
        Files.writeString(dir.resolve("https.key"), "not a key");
        int port = FreePort.pick();
        SiteConfig site = site("http://127.0.0.1:" + influxPort, HttpOptions.on("127.0.0.1", port)
                .withTls(dir.resolve("https.pem").toString(), dir.resolve("https.key").toString()), dir.resolve("data"));
        // WHEN the gateway is started
        try (GatewayProcess gw = start(site, "tls")) {
            // THEN it exits with one line saying the HTTP listener could not start
            String line = assertCannotStart(gw, 3);
            assertTrue(line.startsWith("linli: cannot start: HTTP server on 127.0.0.1:" + port + ": "), line);
            assertEquals(0, brokerConnections(), "connections to the broker as " + CLIENT_ID);
        }
    }

    @Test
    @DisplayName("a second gateway on the same data directory is refused naming the first's PID; the first keeps running")
    void secondInstanceRefused() throws Exception {
        // GIVEN a running gateway
        Path data = dir.resolve("data");
        int firstPort = FreePort.pick();
        try (GatewayProcess first = start(site(firstPort, data), "first")) {
            awaitUp(first, firstPort);
            // WHEN a second one is started on the same data directory (another HTTP port, same broker session)
            try (GatewayProcess second = start(site(FreePort.pick(), data), "second")) {
                // THEN it is refused with the first one's PID
                String line = assertCannotStart(second, 3);
                assertEquals("linli: cannot start: data directory " + data.toAbsolutePath() + " is in use by another "
                        + "gateway (PID " + first.pid() + ", lock file " + data.toAbsolutePath().resolve("linli.lock") + ")", line);
            }
            // AND the first still serves, still holds its one broker session (the second never took it over)
            assertTrue(first.isAlive(), first.tail());
            assertEquals("UP", E2eHarness.getJson(firstPort, "/health").getString("status"));
            assertEquals("CONNECTED", E2eHarness.getJson(firstPort, "/api/status").getJsonObject("mqtt").getString("state"));
            assertEquals(1, brokerConnections(), "connections to the broker as " + CLIENT_ID);
        }
    }

    @Test
    @DisplayName("the lock file a SIGKILLed gateway leaves does not block a restart, which writes its own PID in it")
    void staleLockDoesNotBlock() throws Exception {
        // GIVEN a gateway killed with SIGKILL: its lock file still names it
        Path data = dir.resolve("data");
        Path lockFile = data.resolve("linli.lock");
        int port = FreePort.pick();
        SiteConfig site = site(port, data);
        try (GatewayProcess killed = start(site, "killed")) {
            awaitUp(killed, port);
            killed.kill();
            assertEquals(killed.pid() + "\n", Files.readString(lockFile), "the stale file names the killed process");
        }
        // WHEN the gateway is started again on the same data directory
        try (GatewayProcess restarted = start(site, "restarted")) {
            // THEN it comes up and the lock file names it
            awaitUp(restarted, port);
            assertEquals(restarted.pid() + "\n", Files.readString(lockFile));
            assertEquals(List.of(), restarted.stderrLines(), "nothing on stderr for a good start");
        }
    }
}
