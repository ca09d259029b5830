package org.linli.sim.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linli.sim.deploy.LinliLauncher;
import org.junit.jupiter.api.io.TempDir;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.drivers.mqtt.VendorProfile;
import org.linli.gateway.config.DeviceConfig;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.StorageOptions;
import org.linli.sim.compound.CompoundGenerator;
import org.linli.sim.compound.CompoundSpec;
import org.linli.sim.demo.ProfileChoice;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.mqtt.VendorPayloadEncoder;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.RequiredTools;
import org.linli.sim.servers.VictoriaMetricsServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15: a 200,000-message QoS 1 backlog, queued by a real Mosquitto for the gateway's persistent session while the
 * gateway was stopped, drains into a real InfluxDB-API server (VictoriaMetrics) through a gateway process with
 * {@code -Xmx128m}: the process never runs out of memory and every point arrives. The bound on messages in flight
 * ({@code mqtt.maxInFlight}) is what keeps the heap flat; without it the backlog piles up on the event loop (the
 * issue saw an OutOfMemoryError, then a hang). Speed is printed, not asserted, with the peak RSS.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BacklogDrainSmallHeapTest {
    private static final int BACKLOG = Integer.getInteger("linli.drain.messages", 200_000);
    /**
     * The JVM options of the launcher (docs/OPERATIONS.md, sizing) with the issue's 128 MB heap, as
     * {@code LINLI_HEAP=128m ./linli jvm-options} prints them: the launcher's sizing, not a copy of it.
     */
    static List<String> smallBoxJvm() throws IOException, InterruptedException {
        List<String> options = List.of(LinliLauncher.output("jvm-options", Map.of("LINLI_HEAP", "128m")).split("\\s+"));
        assertTrue(options.containsAll(List.of("-Xms48m", "-Xmx128m", "-Xmn32m", "-XX:+ExitOnOutOfMemoryError")),
                options.toString());
        return options;
    }

    @BeforeEach
    void tools() {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        RequiredTools.require("victoria-metrics", VictoriaMetricsServer.available());
    }

    @Test
    @DisplayName("a 200,000-message QoS 1 backlog drains through a gateway with -Xmx128m: no OutOfMemoryError, every point stored")
    void drainsInConstantMemory(@TempDir Path dir) throws Exception {
        // GIVEN a broker that keeps a 1,000,000-message queue per session (Mosquitto's default is 1,000) and a server
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false).start();
             VictoriaMetricsServer vm = new VictoriaMetricsServer(dir.resolve("vm")).start()) {
            int httpPort = FreePort.pick();
            SiteConfig site = site(broker.url(), vm.url(), httpPort, dir.resolve("gw"));
            Path config = GatewayProcess.writeConfig(site, dir, "site");
            if (System.getProperty("linli.drain.gatewayJar") != null) {
                // a build from before mqtt.maxInFlight refuses the key: leave it out (the default is what we write)
                Files.writeString(config, Files.readString(config).replaceAll("(?m)^\\s*maxInFlight:.*\\R", ""));
            }
            List<DeviceConfig> meters = site.devices().stream().filter(d -> d.profile().contains("water")).toList();
            assertFalse(meters.isEmpty());

            // AND the gateway's persistent session, made by a first run that is then stopped
            // -Dlinli.drain.cds=true: the first run writes a class-data-sharing archive as it stops, the drain maps it
            Path jsa = dir.resolve("gateway.jsa");
            boolean cds = Boolean.getBoolean("linli.drain.cds");
            Process first = start(config, dir.resolve("first.log"), cds ? List.of("-XX:ArchiveClassesAtExit=" + jsa) : List.of());
            try {
                awaitConnected(httpPort, first, dir.resolve("first.log"));
            } finally {
                first.destroy();
                assertTrue(first.waitFor(60, TimeUnit.SECONDS), "first run stops on SIGTERM");
            }

            // AND a backlog of QoS 1 water-meter readings published meanwhile, one point each, each its own time
            long published = publishBacklog(broker.url(), meters);
            assertEquals(BACKLOG, published);

            // WHEN the gateway starts again with a 128 MB heap
            Path log = dir.resolve("drain.log");
            long t0 = System.nanoTime();
            Process gateway = start(config, log, cds ? List.of("-XX:SharedArchiveFile=" + jsa) : List.of());
            long[] peakRssKb = {0};
            long[] connectedAt = {0};
            long[] firstAcceptedAt = {0};
            try {
                long[] accepted = {0};
                // a progress check polled until the last point is accepted; fails at once if the process dies
                await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(50)).until(() -> {
                    assertFalse(Files.readString(log).contains("OutOfMemoryError"), () -> "OutOfMemoryError: " + tail(log));
                    assertTrue(gateway.isAlive(), () -> "the gateway died: " + tail(log));
                    peakRssKb[0] = Math.max(peakRssKb[0], rssKb(gateway.pid(), "VmHWM"));
                    JsonObject status = status(httpPort);
                    if (status != null) {
                        if (connectedAt[0] == 0 && "CONNECTED".equals(status.getJsonObject("mqtt").getString("state"))) {
                            connectedAt[0] = System.nanoTime();
                        }
                        accepted[0] = status.getJsonObject("queue").getLong("acceptedPoints");
                        if (firstAcceptedAt[0] == 0 && accepted[0] > 0) {
                            firstAcceptedAt[0] = System.nanoTime();
                        }
                    }
                    return accepted[0] >= BACKLOG;
                });
                double seconds = (System.nanoTime() - t0) / 1e9;
                peakRssKb[0] = Math.max(peakRssKb[0], rssKb(gateway.pid(), "VmHWM"));

                // THEN the process is alive, never ran out of memory, and the server holds every point
                assertTrue(gateway.isAlive(), () -> tail(log));
                assertFalse(Files.readString(log).contains("OutOfMemoryError"), () -> tail(log));
                long stored = storedSamples(vm);
                assertEquals(BACKLOG, stored, "points in VictoriaMetrics");
                System.out.printf("[drain] %,d QoS 1 messages with -Xmx128m: %.1f s from process start (%.0f msg/s), "
                                + "%.1f s from MQTT connect; peak RSS %d MB; machine load %s%n", BACKLOG, seconds,
                        BACKLOG / seconds, connectedAt[0] == 0 ? Double.NaN : (System.nanoTime() - connectedAt[0]) / 1e9,
                        peakRssKb[0] / 1024, Files.readString(Path.of("/proc/loadavg")).trim());
                System.out.printf("[drain] first point accepted %.2f s after process start, %.2f s after the status page "
                        + "first showed MQTT connected (50 ms polling)%n", (firstAcceptedAt[0] - t0) / 1e9,
                        (firstAcceptedAt[0] - connectedAt[0]) / 1e9);
            } finally {
                gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static SiteConfig site(String mqttUrl, String influxUrl, int httpPort, Path dataDir) {
        CompoundSpec spec = ProfileChoice.demoSpec(E2eHarness.PROFILES).withSize(3, 2, 6, 2);
        return CompoundGenerator.generate(spec,
                MqttOptions.of(mqttUrl, "linli-drain").withKeepAliveSeconds(10).withReconnectDelaysMs(200, 2000),
                InfluxOptions.of(influxUrl, "linli", "compound"),
                HttpOptions.on("127.0.0.1", httpPort), StorageOptions.in(dataDir.toString()));
    }

    /** Publishes {@link #BACKLOG} messages round-robin over the meters, each a second after the meter's previous one. */
    private static long publishBacklog(String url, List<DeviceConfig> meters) throws Exception {
        VendorPayloadEncoder encoder = new VendorPayloadEncoder();
        Instant base = Instant.now().minus(Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long ok = 0;
        try (DevicePublisher publisher = new DevicePublisher(url, "drain-publisher")) {
            List<CompletableFuture<Void>> pending = new ArrayList<>();
            for (int i = 0; i < BACKLOG; i++) {
                DeviceConfig d = meters.get(i % meters.size());
                VendorProfile profile = E2eHarness.PROFILES.find(d.profile()).orElseThrow();
                Instant at = base.plusSeconds(i / meters.size());
                byte[] payload = encoder.encode(profile, d.id(), Decoded.of(List.of(
                        new Reading(d.id(), Quantity.WATER_TOTAL_M3, 100 + i / 1000.0, at)), List.of()));
                pending.add(publisher.publish(profile.topicFor(d.id()), payload, 1));
                if (pending.size() == 5000) {
                    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
                    ok += pending.size();
                    pending.clear();
                }
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            ok += pending.size();
        }
        return ok;
    }

    /** Samples of the water meters' total in the server: one per point. */
    private static long storedSamples(VictoriaMetricsServer vm) {
        long n = 0;
        Pattern values = Pattern.compile("\"values\":\\[([^\\]]*)\\]");
        for (String series : vm.export("{__name__=\"water_meter_total_m3\"}")) {
            Matcher m = values.matcher(series);
            if (m.find() && !m.group(1).isBlank()) {
                n += m.group(1).split(",").length;
            }
        }
        return n;
    }

    private static Process start(Path config, Path log, List<String> moreJvmOptions) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(smallBoxJvm());
        cmd.addAll(moreJvmOptions);
        // -Dlinli.drain.gatewayJar=<an older linli-gateway.jar>: the same drain through another build (before/after)
        String jar = System.getProperty("linli.drain.gatewayJar");
        cmd.addAll(jar != null ? List.of("-jar", jar) : List.of("-cp", System.getProperty("java.class.path"),
                "org.linli.gateway.GatewayMain"));
        cmd.addAll(List.of("run", "--config", config.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LINLI_INFLUX_TOKEN", "test-token");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    private static void awaitConnected(int port, Process p, Path log) throws InterruptedException {
        E2eHarness.await("gateway connected", Duration.ofSeconds(60), () -> {
            JsonObject s = status(port);
            return p.isAlive() && s != null && "CONNECTED".equals(s.getJsonObject("mqtt").getString("state"));
        }, () -> tail(log));
    }

    private static JsonObject status(int port) {
        try {
            return E2eHarness.getJson(port, "/api/status");
        } catch (Exception notYet) {
            return null;
        }
    }

    /** A /proc/PID/status figure in kB (VmHWM: peak resident set), 0 once the process is gone. */
    static long rssKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            return 0;
        }
        return 0;
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 3000));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
