package org.linli.sim.bench;

import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A console's live stream in the benchmark: logs in to the centre as the street user, opens {@code GET /api/stream}
 * and reads it on its own daemon thread. For every compound alert it records, the first time its key arrives, the
 * latency from the alert's {@code raisedAt} (set by the simulated compound) to now, in microseconds. Also counts
 * the events and bytes read and when {@code event: replayed} came. Readable from any thread.
 */
final class CentreScaleStream implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Map<String, Long> latencyMicros = new ConcurrentHashMap<>();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong alertEvents = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final long openedNanos = System.nanoTime();
    private volatile long replayedNanos = -1;
    private volatile int replayedCount = -1;
    private volatile boolean ended;
    private InputStream body;

    private CentreScaleStream(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Logs in and opens the stream; events are read from then on. */
    static CentreScaleStream open(int port) throws IOException, InterruptedException {
        CentreScaleStream s = new CentreScaleStream(port);
        s.start();
        return s;
    }

    /** Logs in as the street user on {@code base}; gives the session cookie ({@code name=value}). */
    static String login(HttpClient http, String base) throws IOException, InterruptedException {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("user", CentreScaleSite.USER).put("password", CentreScaleSite.PASSWORD)
                                .encode())).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IOException("login: " + login.statusCode() + " " + login.body());
        }
        return login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private void start() throws IOException, InterruptedException {
        String cookie = login(http, base);
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/stream"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IOException("stream: " + r.statusCode());
        }
        body = r.body();
        Thread t = new Thread(this::read, "bench-sse");
        t.setDaemon(true);
        t.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            String line;
            while ((line = in.readLine()) != null) {
                bytes.addAndGet(line.getBytes(StandardCharsets.UTF_8).length + 1L);
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ") && name != null) {
                    onEvent(name, line.substring(6));
                    name = null;
                }
            }
        } catch (IOException e) {
            // the stream was closed
        } finally {
            ended = true;
        }
    }

    private void onEvent(String name, String data) {
        events.incrementAndGet();
        if ("replayed".equals(name)) {
            replayedCount = new JsonObject(data).getInteger("count");
            replayedNanos = System.nanoTime();
        } else if ("alert".equals(name)) {
            alertEvents.incrementAndGet();
            Instant now = Instant.now();
            JsonObject a = new JsonObject(data);
            if ("compound".equals(a.getString("origin")) && a.getString("raisedAt") != null) {
                latencyMicros.putIfAbsent(a.getString("key"),
                        ChronoUnit.MICROS.between(Instant.parse(a.getString("raisedAt")), now));
            }
        }
    }

    /** Latency (µs) of alert {@code key}'s first arrival, or null if it has not arrived. */
    Long latencyMicros(String key) {
        return latencyMicros.get(key);
    }

    boolean replayed() {
        return replayedNanos >= 0;
    }

    /** Milliseconds from opening to {@code event: replayed}, or -1. */
    long replayMillis() {
        return replayedNanos < 0 ? -1 : (replayedNanos - openedNanos) / 1_000_000;
    }

    /** The {@code count} of {@code event: replayed} (compounds + alerts in the replay), or -1. */
    int replayedCount() {
        return replayedCount;
    }

    long events() {
        return events.get();
    }

    long alertEvents() {
        return alertEvents.get();
    }

    long bytes() {
        return bytes.get();
    }

    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            if (body != null) {
                body.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }
}
