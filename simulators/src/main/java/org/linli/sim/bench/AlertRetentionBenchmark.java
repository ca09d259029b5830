package org.linli.sim.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.linli.drivers.mqtt.VendorProfiles;
import org.linli.gateway.Gateway;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertAction;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.EscalationPolicy;
import org.linli.gateway.alert.Outcome;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.alert.SqliteAlertStore;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.StorageOptions;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.SiteDirectory;
import org.linli.sim.compound.CompoundGenerator;
import org.linli.sim.demo.ProfileChoice;
import org.linli.sim.servers.FreePort;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Retention under many closed alerts (docs/BENCHMARKS.md, "Alert retention"): for each count N, an alert store is
 * filled through the alert service with N dismissed alerts (closed 200 a day, the newest a minute ago) and 20 open
 * ones; then a real gateway starts on it and the benchmark measures the store's restore time, {@code GET /api/alerts}
 * (first page), {@code GET /api/alerts/closed} (first page, and a page near the end), the SSE replay (events, bytes,
 * time to {@code replayed}) and the heap after a GC. Nothing listens on the MQTT and InfluxDB ports: the gateway
 * starts without them. The result rows are the lines starting with {@code |} (the gateway's log goes to stdout too). Usage: {@code AlertRetentionBenchmark [closedAlertsDays closedAlertsInMemory] [N...]};
 * {@code 3650 100000} keeps every closed alert in memory (the behaviour before retention).
 */
public final class AlertRetentionBenchmark {
    private static final int OPEN = 20;
    private static final int CLOSED_PER_DAY = 200;
    private static final int REPEATS = 20;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AlertRetentionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int days = args.length >= 2 ? Integer.parseInt(args[0]) : 7;
        int inMemory = args.length >= 2 ? Integer.parseInt(args[1]) : 1000;
        int[] counts = args.length > 2 ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[]{0, 1_000, 10_000, 100_000};
        System.out.printf("retention: closedAlertsDays %d, closedAlertsInMemory %d; %d open alerts each run%n", days,
                inMemory, OPEN);
        System.out.println("warm-up run (1,000 closed; not reported): the JIT and class loading would else count in the first row");
        run(1_000, days, inMemory, false);
        System.out.println("| closed in store | fill | restore (store read) | gateway start | in memory | GET /api/alerts | "
                + "/closed first page | /closed deep page | SSE replay | heap after GC |");
        for (int n : counts) {
            run(n, days, inMemory, true);
        }
    }

    private static void run(int closed, int days, int inMemory, boolean report) throws Exception {
        Path dir = Files.createTempDirectory("linli-retention");
        SiteConfig site = site(dir.resolve("data"), days, inMemory);
        long fillMs = fill(site, dir.resolve("data"), closed);
        System.gc();
        Vertx vertx = Vertx.vertx();
        try {
            Gateway gateway = new Gateway(site, VendorProfileCatalog.load(null), name -> "bench-token", Clock.systemUTC());
            long t0 = System.nanoTime();
            vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(600, TimeUnit.SECONDS);
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            int port = gateway.httpPort();
            JsonObject store = json(port, "/api/status").getJsonObject("alertStore");
            Timed list = time(port, "/api/alerts");
            Timed first = time(port, "/api/alerts/closed");
            Timed deep = deepPage(port, closed);
            Replay replay = replay(port);
            long heap = heapAfterGc();
            if (report) {
                System.out.printf("| %,d | %.1f s | %,d ms (%,d rows read) | %,d ms | %,d | %s | %s | %s | %,d alerts, %,d KB, %,d ms | %,d MB |%n",
                        closed, fillMs / 1000.0, store.getLong("restoreMillis"), store.getLong("restored"), startMs,
                        store.getLong("restored"), list, first, deep, replay.alerts(), replay.bytes() / 1024,
                        replay.millis(), heap / (1024 * 1024));
                System.out.printf("  (load average %.1f)%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            vertx.undeploy(vertx.deploymentIDs().iterator().next()).toCompletionStage().toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            try (var files = Files.walk(dir)) {   // a 100,000-alert store is ~200 MB
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The demo compound (3 buildings, 72 households) on this data dir, with nothing listening for MQTT or InfluxDB. */
    private static SiteConfig site(Path dataDir, int days, int inMemory) {
        VendorProfiles profiles = VendorProfiles.builtIn();
        return CompoundGenerator.generate(ProfileChoice.demoSpec(profiles).withSize(3, 2, 6, 2),
                MqttOptions.of("tcp://127.0.0.1:" + FreePort.pick(), "linli-bench"),
                InfluxOptions.of("http://127.0.0.1:" + FreePort.pick(), "linli", "bench").withBatch(500, 100),
                HttpOptions.on("127.0.0.1", 0),
                new StorageOptions(dataDir.toString(), null, days, inMemory));
    }

    /**
     * Raises and dismisses {@code closed} alerts through the alert service onto the real store (200 closed a day, the
     * newest a minute ago), then raises {@code OPEN} open ones; returns the milliseconds it took.
     */
    private static long fill(SiteConfig config, Path dataDir, int closed) throws Exception {
        long t0 = System.nanoTime();
        SettableClock clock = new SettableClock();
        SqliteAlertStore store = SqliteAlertStore.open(dataDir, clock).get(60, TimeUnit.SECONDS);
        SiteDirectory site = SiteDirectory.from(config);
        List<Location> flats = new ArrayList<>();
        site.devices().forEach(d -> {
            if (d.location().household() != null && !flats.contains(d.location())) {
                flats.add(d.location());
            }
        });
        AlertService alerts = new AlertService(site, clock, EscalationPolicy.defaults(), store);
        Instant now = Instant.now();
        Duration step = Duration.ofDays(1).dividedBy(CLOSED_PER_DAY);
        for (int i = 0; i < closed; i++) {
            clock.now = now.minus(step.multipliedBy(closed - i)).minusSeconds(60);
            Alert a = alerts.raise(new AlertRequest(AlertKey.device("bench-" + i, AlertType.FIRE), AlertType.FIRE, Severity.CRITICAL,
                    flats.get(i % flats.size()), null, "bench " + i));
            clock.now = clock.now.plusSeconds(60);
            alerts.act(a.id(), AlertAction.DISMISSED, "duty", Outcome.FALSE_ALARM_TEST, "bench");
            if (i % 10_000 == 9_999) {
                store.flush().get(600, TimeUnit.SECONDS);   // bound the queued writes
            }
        }
        clock.now = now.minusSeconds(3600);
        for (int i = 0; i < OPEN; i++) {
            alerts.raise(new AlertRequest(AlertKey.device("bench-open-" + i, AlertType.GAS_LEAK), AlertType.GAS_LEAK, Severity.CRITICAL,
                    flats.get(i % flats.size()), null, "open " + i));
        }
        store.flush().get(600, TimeUnit.SECONDS);
        store.close().get(60, TimeUnit.SECONDS);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Median time and size of {@code REPEATS} GETs after 5 warm-ups. */
    private record Timed(double medianMs, int bytes) {
        @Override
        public String toString() {
            return String.format("%.1f ms, %,d KB", medianMs, bytes / 1024);
        }
    }

    private static Timed time(int port, String path) throws Exception {
        for (int i = 0; i < 5; i++) {
            get(port, path);
        }
        double[] ms = new double[REPEATS];
        int bytes = 0;
        for (int i = 0; i < REPEATS; i++) {
            long t = System.nanoTime();
            bytes = get(port, path).length;
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new Timed(ms[REPEATS / 2], bytes);
    }

    /** Walks /api/alerts/closed 500 at a time to its last pages, then times the page of 50 before the last 50. */
    private static Timed deepPage(int port, int closed) throws Exception {
        if (closed <= 100) {
            return time(port, "/api/alerts/closed");
        }
        String cursor = null;
        int walked = 0;
        while (walked + 500 < closed - 100) {
            JsonObject page = json(port, "/api/alerts/closed?limit=500" + (cursor == null ? "" : "&before=" + cursor));
            cursor = page.getString("next");
            walked += page.getJsonArray("alerts").size();
        }
        while (walked < closed - 100) {
            JsonObject page = json(port, "/api/alerts/closed?limit=50" + (cursor == null ? "" : "&before=" + cursor));
            cursor = page.getString("next");
            walked += page.getJsonArray("alerts").size();
        }
        return time(port, "/api/alerts/closed?limit=50&before=" + cursor);
    }

    private record Replay(int alerts, long bytes, long millis) {
    }

    /** Opens the SSE stream and reads it up to {@code event: replayed}. */
    private static Replay replay(int port) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<java.io.InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/alerts/stream")).build(), HttpResponse.BodyHandlers.ofInputStream());
        int alerts = 0;
        long bytes = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (line.equals("event: alert")) {
                    alerts++;
                } else if (line.equals("event: replayed")) {
                    break;
                }
            }
        }
        return new Replay(alerts, bytes, (System.nanoTime() - t0) / 1_000_000);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static byte[] get(int port, String path) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    private static JsonObject json(int port, String path) throws Exception {
        return new JsonObject(new String(get(port, path), StandardCharsets.UTF_8));
    }

    /** The filling service's clock, set to each alert's moment. */
    private static final class SettableClock extends Clock {
        volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
