package org.linli.sim.bench;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.linli.gateway.config.SiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The gateway as an operator runs it: a child JVM on the gateway jar ({@code java [opts] -jar linli-gateway.jar run
 * --config site.yaml}) with a generated site file. Progress is read from its {@code /metrics}: messages taken from
 * MQTT ({@code linli_messages_received_total}, source mqtt) and points the server accepted
 * ({@code linli_queue_accepted_total}); every benchmark report is one point, so points stored are messages stored.
 * Each poll asks for its one family ({@code ?name[]=}), about a third cheaper than the whole scrape: whole scrapes
 * 20-50 times a second (a drain is polled every 50 ms, a live step's catch-up every 20 ms) were a third of the event
 * loop's samples in the first 250 ms after the connect, a load Node-RED never carried. The server's own counter is
 * no substitute: VictoriaMetrics' metrics move about once a second (the first write was seen 0.4-0.7 s late). Only
 * the jar, the site-file format and {@code /metrics} are used, so any version of the gateway can be measured (one
 * that serves the whole scrape whatever is asked is measured as before).
 */
final class GatewayPeer implements Peer {
    private static final String SHARED_ARCHIVE = "-XX:SharedArchiveFile=";
    private static final Pattern CONNECTED = Pattern.compile("MQTT (connected|reconnected) to");

    private final Path javaBin;
    private final List<String> launch;
    private final Path config;
    private final Path log;
    private final int httpPort;
    private ChildProcess process;

    /**
     * {@code javaBin}: the {@code java} the gateway runs on; {@code launch}: what follows it, e.g. the JVM options and
     * {@code -jar linli-gateway.jar}.
     */
    GatewayPeer(SiteConfig site, int httpPort, Path dir, Path javaBin, List<String> launch) throws IOException {
        this.javaBin = javaBin;
        this.launch = launch;
        this.httpPort = httpPort;
        java.nio.file.Files.createDirectories(dir);
        this.config = dir.resolve("site.yaml");
        this.log = dir.resolve("gateway.log");
        new ObjectMapper(new YAMLFactory()).setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .writeValue(config.toFile(), site);
    }

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(javaBin, launch, config));
        pb.environment().put("LINLI_INFLUX_TOKEN", "bench-token");
        process = new ChildProcess(pb, log, CONNECTED);
    }

    /** {@code javaBin}, the launch with its class-data archive as {@link #withClassDataSharing} makes it, then the run. */
    static List<String> command(Path javaBin, List<String> launch, Path config) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBin.toString());
        cmd.addAll(withClassDataSharing(launch));
        cmd.addAll(List.of("run", "--config", config.toString()));
        return cmd;
    }

    /**
     * As {@code ./linli run} does: {@code -XX:SharedArchiveFile=F} maps the class-data-sharing archive when F exists;
     * while it does not, this start writes it when it stops ({@code -XX:ArchiveClassesAtExit=F}), so the first
     * gateway of a benchmark (its subscription probe) trains the archive the measured runs start from.
     */
    static List<String> withClassDataSharing(List<String> launch) {
        List<String> out = new ArrayList<>(launch.size());
        for (String option : launch) {
            if (option.startsWith(SHARED_ARCHIVE) && !Files.exists(Path.of(option.substring(SHARED_ARCHIVE.length())))) {
                out.add("-XX:ArchiveClassesAtExit=" + option.substring(SHARED_ARCHIVE.length()));
            } else {
                out.add(option);
            }
        }
        return out;
    }

    @Override
    public long awaitConnected(Duration timeout) throws IOException, InterruptedException {
        return process.awaitMatch(timeout, "the gateway (log " + log + ")");
    }

    long startedAt() {
        return process.startedAt();
    }

    @Override
    public long stored() throws IOException {
        return (long) sum("linli_queue_accepted_total", "");
    }

    @Override
    public long received() throws IOException {
        return (long) sum("linli_messages_received_total", "source=\"mqtt\"");
    }

    /** The sum of {@code family}'s samples with {@code labels}, from a scrape of that family alone. */
    private double sum(String family, String labels) throws IOException {
        return PromText.fetch("http://127.0.0.1:" + httpPort + "/metrics?name%5B%5D=" + family).sum(family, labels);
    }

    /** The live alert stream, {@code /api/alerts/stream}. */
    String alertStreamUrl() {
        return "http://127.0.0.1:" + httpPort + "/api/alerts/stream";
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public void stop() throws InterruptedException {
        if (process != null) {
            process.stop();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
