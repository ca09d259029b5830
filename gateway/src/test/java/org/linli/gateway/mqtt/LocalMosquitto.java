package org.linli.gateway.mqtt;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real Mosquitto on a loopback port for the gateway module's MQTT tests (the simulators module has the full helper;
 * the gateway cannot depend on it). Persistent, so a {@link #restart()} keeps sessions and their queued QoS 1 messages.
 * Skips the test when mosquitto is not installed, unless {@code -Dlinli.requireExternalTools=true} (CI).
 */
final class LocalMosquitto implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    LocalMosquitto(Path dir) throws IOException {
        this.dir = dir;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = s.getLocalPort();
        }
    }

    static Path executable() {
        for (String d : (System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin").split(File.pathSeparator)) {
            Path p = Path.of(d, "mosquitto");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        if (Boolean.getBoolean("linli.requireExternalTools")) {
            throw new AssertionError("mosquitto is not installed: required in CI (-Dlinli.requireExternalTools=true)");
        }
        Assumptions.abort("mosquitto is not installed");
        return null;
    }

    LocalMosquitto start() throws IOException {
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "user " + System.getProperty("user.name"),
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir.toAbsolutePath() + "/",
                "max_queued_messages 100000",
                // no broker-side window: only the client's own bound may hold messages back
                "max_inflight_messages 0",
                "log_dest file " + dir.toAbsolutePath().resolve("mosquitto.log"),
                ""));
        process = new ProcessBuilder(executable().toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return true;
            }
        });
        return this;
    }

    /** SIGTERM (mosquitto saves its sessions), waits until it is gone. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
