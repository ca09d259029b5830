package org.linli.sim.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code vmagent} (Debian package {@code victoria-metrics}) as a child process: the district's write endpoint. It
 * accepts the InfluxDB v2 write API ({@code /api/v2/write}) and copies every sample to each {@code -remoteWrite.url}
 * (a VictoriaMetrics node's {@code /api/v1/write}), keeping what a node cannot take in a disk queue per URL under
 * {@code <dir>/buffer} until the node is back (DISTRICT-NOTES.md; deployment in docs/DEPLOY.md).
 */
public final class VmAgent implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final List<String> remoteWriteUrls;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;

    /** An agent replicating to each of {@code remoteWriteUrls}, its buffer and log under {@code dir}. */
    public VmAgent(Path dir, List<String> remoteWriteUrls) {
        this.dir = dir;
        this.port = FreePort.pick();
        this.remoteWriteUrls = List.copyOf(remoteWriteUrls);
    }

    public static boolean available() {
        return Executables.find("vmagent").isPresent();
    }

    /** The remote-write URL of a VictoriaMetrics node at {@code baseUrl} (what {@code -remoteWrite.url} takes). */
    public static String remoteWriteUrl(String baseUrl) {
        return baseUrl + "/api/v1/write";
    }

    public VmAgent start() {
        Path exe = Executables.find("vmagent").orElseThrow(() -> new IllegalStateException("vmagent is not installed"));
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), "-httpListenAddr=127.0.0.1:" + port,
                "-remoteWrite.tmpDataPath=" + dir.resolve("buffer"), "-remoteWrite.flushInterval=200ms"));
        remoteWriteUrls.forEach(u -> cmd.add("-remoteWrite.url=" + u));
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("vmagent.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PortWait.until(port, Duration.ofSeconds(15), process, "vmagent");
        return this;
    }

    /** The base URL the gateway's district target writes to (InfluxDB v2 write API). */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Bytes vmagent still holds for the nodes (its per-URL buffers, {@code vmagent_remotewrite_pending_data_bytes}
     * summed): 0 once every node has every block it accepted.
     */
    public long pendingBytes() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.body().lines().filter(l -> l.startsWith("vmagent_remotewrite_pending_data_bytes"))
                    .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path log() {
        return dir.resolve("vmagent.log");
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
