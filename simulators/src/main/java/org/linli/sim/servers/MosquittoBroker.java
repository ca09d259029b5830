package org.linli.sim.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker as a child process on a loopback port. With {@code persistent}, sessions and queued
 * QoS 1 messages survive {@link #restart()} (saved on shutdown), as on a production broker. {@link #withTls} makes the
 * listener TLS (as on a production box's port 8883) and {@link #withPassword} turns anonymous access off.
 */
public final class MosquittoBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final boolean persistent;
    private Process process;
    private Tls tls;
    private String username;
    private String password;
    private String extraConfig = "";

    /** A TLS listener's PEM files; with {@code requireClientCertificate} a client must present one signed by the CA. */
    public record Tls(Path caFile, Path certFile, Path keyFile, boolean requireClientCertificate) {
    }

    public MosquittoBroker(Path dir, boolean persistent) {
        this.dir = dir;
        this.port = FreePort.pick();
        this.persistent = persistent;
    }

    public static boolean available() {
        return Executables.find("mosquitto").isPresent();
    }

    /** Call before {@link #start()}. */
    public MosquittoBroker withTls(Tls tls) {
        this.tls = tls;
        return this;
    }

    /** Global settings added to the generated config (e.g. a shipped config's {@code max_packet_size}); before start. */
    public MosquittoBroker withConfig(String lines) {
        this.extraConfig = lines;
        return this;
    }

    /** One user with this password (hashed into a password file by mosquitto_passwd); anonymous clients are refused. */
    public MosquittoBroker withPassword(String username, String password) {
        this.username = username;
        this.password = password;
        return this;
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
                    tlsLines(),
                    authLines(),
                    "persistence " + persistent,
                    "persistence_location " + dir.toAbsolutePath() + "/",
                    "autosave_interval 1",
                    "max_queued_messages 1000000",
                    "max_inflight_messages 0",
                    "log_dest file " + dir.toAbsolutePath().resolve("mosquitto.log"),
                    extraConfig,
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

    private String tlsLines() {
        if (tls == null) {
            return "";
        }
        return String.join("\n",
                "cafile " + tls.caFile().toAbsolutePath(),
                "certfile " + tls.certFile().toAbsolutePath(),
                "keyfile " + tls.keyFile().toAbsolutePath(),
                "require_certificate " + tls.requireClientCertificate());
    }

    private String authLines() throws IOException {
        if (username == null) {
            return "allow_anonymous true";
        }
        Path file = dir.resolve("passwd");
        Files.deleteIfExists(file);
        Path exe = Executables.find("mosquitto_passwd").orElseThrow(() -> new IllegalStateException("mosquitto_passwd is not installed"));
        try {
            Process p = new ProcessBuilder(exe.toString(), "-c", "-b", file.toString(), username, password)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IOException("mosquitto_passwd failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return "allow_anonymous false\npassword_file " + file.toAbsolutePath();
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

    /** {@code tcp://127.0.0.1:port}, or with TLS {@code ssl://localhost:port} (the name test certificates carry). */
    public String url() {
        return tls == null ? "tcp://127.0.0.1:" + port : "ssl://localhost:" + port;
    }

    public Path logFile() {
        return dir.resolve("mosquitto.log");
    }

    @Override
    public void close() {
        stop();
    }
}
