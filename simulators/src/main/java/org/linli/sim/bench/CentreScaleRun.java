package org.linli.sim.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's steps against a running cluster, whichever way the centre runs (its own process in
 * {@link CentreScaleBenchmark}, in the test JVM in the smoke test): connect the compounds, open a console's stream
 * on the centre once it sees every compound, run an alert phase and wait until its alerts reached the stream, time a
 * second console's replay of the whole picture. Driven by one thread; polls, no fixed sleeps.
 */
final class CentreScaleRun implements AutoCloseable {
    /** A full replay of the picture as a second console sees it. */
    record Replay(long millis, int count, long bytes) {
    }

    /** {@code GET /api/alerts?state=all}: the HTTP status, the answer's size, how long it took. */
    record Listing(int status, long bytes, long millis) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final CentreScaleFleet fleet;
    private CentreScaleStream console;
    private int port;

    /** Starts the compounds' fleets (they connect in the background). */
    CentreScaleRun(List<CentreScaleSite.Community> communities, List<String> brokerUris, boolean logins) {
        this.fleet = new CentreScaleFleet(communities, brokerUris, logins);
    }

    CentreScaleFleet fleet() {
        return fleet;
    }

    /** Waits until every compound is connected; returns how long that took since {@code startNanos}, in ms. */
    long awaitConnected(long startNanos, Duration timeout) throws InterruptedException {
        if (!fleet.awaitConnected(timeout.toMillis())) {
            throw new IllegalStateException("only " + fleet.connectedCount() + " of " + fleet.size()
                    + " compounds connected within " + timeout);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /**
     * Waits until the centre on {@code port} counts every compound reachable, then opens the console's stream and
     * waits for its replay; returns the ms from the call until every compound was reachable.
     */
    long openConsole(int port, Duration timeout) throws Exception {
        this.port = port;
        long t0 = System.nanoTime();
        await(() -> metric("linli_centre_compounds{reachable=\"true\"") >= fleet.size(), timeout,
                "every compound reachable in the centre");
        long reachableMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        console = CentreScaleStream.open(port);
        await(console::replayed, timeout, "the console's replay");
        return reachableMs;
    }

    /**
     * Raises alerts at {@code rate} for {@code duration}, then waits (up to {@code drain}) until each has arrived on
     * the console's stream; gives the phase's latencies (incomplete if the drain timed out).
     */
    CentreScaleLatencies phase(String name, double rate, Duration duration, Duration drain) throws Exception {
        CentreScaleLoad load = new CentreScaleLoad(name);
        load.run(fleet, rate, duration).get(duration.toMillis() * 3 + 60_000, TimeUnit.MILLISECONDS);
        try {
            await(() -> load.keys().stream().allMatch(k -> console.latencyMicros(k) != null), drain,
                    "every alert of " + name + " on the console");
        } catch (IllegalStateException e) {
            System.err.println("CentreScaleRun: " + e.getMessage());
        }
        return CentreScaleLatencies.of(load, console);
    }

    /** Opens a second console and times its replay of the whole picture (to {@code event: replayed}). */
    Replay replay(Duration timeout) throws Exception {
        try (CentreScaleStream second = CentreScaleStream.open(port)) {
            await(second::replayed, timeout, "the second console's replay");
            return new Replay(second.replayMillis(), second.replayedCount(), second.bytes());
        }
    }

    /** Asks for every alert in the picture ({@code GET /api/alerts?state=all}), as a console's full list does. */
    Listing listAll() throws Exception {
        String base = "http://127.0.0.1:" + port;
        String cookie = CentreScaleStream.login(http, base);
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts?state=all"))
                .header("Cookie", cookie).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Listing(r.statusCode(), r.body().length, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The first sample of the centre's {@code /metrics} whose line starts with {@code prefix} (-1 if none). */
    double metric(String prefix) throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(-1.0);
    }

    CentreScaleStream console() {
        return console;
    }

    private static void await(Check check, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!holds(check)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static boolean holds(Check check) throws Exception {
        try {
            return check.ok();
        } catch (IOException e) {
            return false;
        }
    }

    /** A condition polled by {@link #await}; may throw (a refused connection counts as not yet). */
    private interface Check {
        boolean ok() throws Exception;
    }

    @Override
    public void close() {
        if (console != null) {
            console.close();
        }
        fleet.close();
    }
}
