package org.linli.sim.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * VictoriaMetrics (Debian package) as a child process: a second, independent server of the InfluxDB v2 write API.
 * Series are named {@code <measurement>_<field>}; string fields are not kept (TOOLING.md).
 */
public final class VictoriaMetricsServer implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;

    public VictoriaMetricsServer(Path dir) {
        this(dir, FreePort.pick());
    }

    /** On a given port: a node restarted on its data directory and port after {@link #kill} or {@link #close}. */
    public VictoriaMetricsServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public int port() {
        return port;
    }

    public static boolean available() {
        return Executables.find("victoria-metrics").isPresent();
    }

    public VictoriaMetricsServer start() {
        Path exe = Executables.find("victoria-metrics").orElseThrow(() -> new IllegalStateException("victoria-metrics is not installed"));
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(exe.toString(), "-storageDataPath=" + dir.resolve("data"),
                    "-httpListenAddr=127.0.0.1:" + port, "-retentionPeriod=100y")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("vm.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PortWait.until(port, Duration.ofSeconds(15), process, "victoria-metrics");
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Every sample of the series matching {@code selector} (e.g. {@code {__name__=~"gas_alarm_.*"}}), as JSON lines. */
    public List<String> export(String selector) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(url() + "/internal/force_flush")).build(), HttpResponse.BodyHandlers.discarding());
            String q = URLEncoder.encode(selector, StandardCharsets.UTF_8);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/export?match[]=" + q)).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> lines = new ArrayList<>();
            r.body().lines().filter(l -> !l.isBlank()).forEach(lines::add);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Imports samples in the JSON-lines format {@link #export} produces ({@code /api/v1/import}). */
    public void importLines(List<String> lines) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/import"))
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines) + "\n")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("import answered " + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: the node dies at once, whatever it had in memory and not yet flushed. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
