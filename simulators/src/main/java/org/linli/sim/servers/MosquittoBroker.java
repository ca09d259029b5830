package org.linli.sim.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker as a child process on a loopback port. With {@code persistent}, sessions and queued
 * QoS 1 messages survive {@link #restart()} (saved on shutdown), as on a production broker.
 */
public final class MosquittoBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final boolean persistent;
    private Process process;

    public MosquittoBroker(Path dir, boolean persistent) {
        this.dir = dir;
        this.port = FreePort.pick();
        this.persistent = persistent;
    }

    public static boolean available() {
        return Executables.find("mosquitto").isPresent();
    }

    public MosquittoBroker start() {
        Path exe = Executables.find("mosquitto").orElseThrow(() -> new IllegalStateException("mosquitto is not installed"));
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, String.join("\n",
                    // started as root, mosquitto drops to user 'mosquitto' and then silently cannot write its
                    // persistence file in our folder: stay the user we are
                    "user " + System.getProperty("user.name"),
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence " + persistent,
                    "persistence_location " + dir.toAbsolutePath() + "/",
                    "autosave_interval 1",
                    "max_queued_messages 1000000",
                    "max_inflight_messages 0",
                    "log_dest file " + dir.toAbsolutePath().resolve("mosquitto.log"),
                    ""));
            process = new ProcessBuilder(exe.toString(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.out").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PortWait.until(port, Duration.ofSeconds(10), process, "mosquitto");
        return this;
    }

    /** Stops the broker (SIGTERM: it saves its persistence file) and waits until it is gone. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public void restart() {
        stop();
        start();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
