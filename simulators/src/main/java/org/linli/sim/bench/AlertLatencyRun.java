package org.linli.sim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.linli.sim.mqtt.DevicePublisher;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Alert latency under load: while a paced publisher offers background reports at 50 %, 90 % and 100 % of a ceiling
 * (each level one step), a gas alarm of a different device is published every 100 ms on a connection of its own
 * (QoS 1, as a detector sends it); the latency of each is the time from the publish call to its alert on the
 * gateway's SSE stream ({@code /api/alerts/stream}, read over a plain socket by a thread of its own,
 * {@link SseSocketStream}). Each latency is also split at the
 * alert's {@code raisedAt} (the gateway's clock when its rule raised it; one machine, one clock): publish → raise is
 * the broker, TCP, Paho, the lanes, decode and rules; raise → stream is the alert service, SSE and the reader. Gateway
 * only.
 */
final class AlertLatencyRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[] LEVELS = {0.5, 0.9, 1.0};

    private final BenchRig rig;
    private final GatewayPeer gateway;
    private final BenchMessages messages;
    private final List<BenchMessages.Message> pool;
    private final int stepSeconds;
    private final Map<String, Published> alarmsPublished = new ConcurrentHashMap<>();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** When an alarm was published: the monotonic clock for its latency, the wall clock to compare with raisedAt. */
    private record Published(long nanos, Instant wall) {
    }

    /** An alarm's alert on the stream: its latency and the part of it up to the alert's raisedAt (null: none given). */
    private record Seen(long nanos, Long toRaiseNanos) {
    }

    AlertLatencyRun(BenchRig rig, GatewayPeer gateway, BenchMessages messages, List<BenchMessages.Message> pool, int stepSeconds) {
        this.rig = rig;
        this.gateway = gateway;
        this.messages = messages;
        this.pool = pool;
        this.stepSeconds = stepSeconds;
    }

    List<BenchRow> run(double ceiling) throws Exception {
        List<BenchRow> rows = new ArrayList<>();
        List<String> alarms = new ArrayList<>(messages.gasAlarms());
        int nextAlarm = 0;
        gateway.start();
        try (ProcessSampler sampler = new ProcessSampler(gateway.pid());
             DevicePublisher background = new DevicePublisher(rig.broker.url(), "bench-alert-background");
             DevicePublisher detectors = new DevicePublisher(rig.broker.url(), "bench-alert-detectors")) {
            gateway.awaitConnected(Duration.ofSeconds(120));
            SseSocketStream stream = openStream();
            PacedPublisher paced = new PacedPublisher(background, pool, 1);
            // warm-up, not reported: climbing, as the live ladder does; a cold gateway given half its ceiling at once
            // falls behind, and the broker then holds a backlog that every alarm waits behind (in order, per session)
            long published = paced.publish((int) (ceiling / 4), 5);
            published += paced.publish((int) (ceiling / 2), 5);
            for (double level : LEVELS) {
                int rate = (int) Math.round(ceiling * level);
                // each level starts with nothing queued in the broker for the gateway: the alarms measure the gateway
                String drained = drain(published);
                String loadBefore = ProcessSampler.loadAverage();
                double cpu0 = sampler.cpuSeconds();
                long[] sent = {0};
                Thread load = new Thread(() -> {
                    try {
                        sent[0] = paced.publish(rate, stepSeconds);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "bench-background");
                long t0 = System.nanoTime();
                load.start();
                List<String> step = new ArrayList<>();
                Thread.sleep(1000); // let the background reach its rate before the first alarm
                while (load.isAlive() && nextAlarm < alarms.size()) {
                    String id = alarms.get(nextAlarm++);
                    BenchMessages.Message m = messages.alarm(id, Instant.now());
                    step.add(id);
                    alarmsPublished.put(id, new Published(System.nanoTime(), Instant.now()));
                    detectors.publish(m.topic(), m.payload(), 1);
                    Thread.sleep(100);
                }
                load.join();
                published += sent[0] + step.size();
                double seconds = (System.nanoTime() - t0) / 1e9;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!seen.keySet().containsAll(step) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                List<Long> ms = new ArrayList<>();
                List<Long> toRaise = new ArrayList<>();
                List<Long> fromRaise = new ArrayList<>();
                step.forEach(id -> {
                    Seen s = seen.get(id);
                    if (s != null) {
                        ms.add(s.nanos());
                    }
                    if (s != null && s.toRaiseNanos() != null) {
                        toRaise.add(s.toRaiseNanos());
                        fromRaise.add(s.nanos() - s.toRaiseNanos());
                    }
                });
                Collections.sort(ms);
                Collections.sort(toRaise);
                Collections.sort(fromRaise);
                String note = (ms.isEmpty() ? "no alert seen" : String.format("alert latency p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d alarms%s)",
                        pct(ms, 0.5), pct(ms, 0.99), ms.get(ms.size() - 1) / 1e6, step.size(),
                        ms.size() < step.size() ? ", " + (step.size() - ms.size()) + " not seen in 30 s" : ""))
                        + (toRaise.isEmpty() ? "" : String.format("; publish → raise p50 %.0f, p99 %.0f ms; raise → stream p50 %.0f, p99 %.0f ms",
                        pct(toRaise, 0.5), pct(toRaise, 0.99), pct(fromRaise, 0.5), pct(fromRaise, 0.99)))
                        + "; " + drained;
                rows.add(new BenchRow("gateway", String.format("alerts at %.0f %% (%,d/s)", level * 100, rate), 1, sent[0],
                        ms.size(), seconds, sent[0] / seconds, Double.NaN, Double.NaN,
                        (sampler.cpuSeconds() - cpu0) * 1e6 / Math.max(1, sent[0]), sampler.peakRssMb(), loadBefore,
                        ProcessSampler.loadAverage(), note));
            }
            stream.close();
        } finally {
            gateway.stop();
        }
        return rows;
    }

    /**
     * Waits (at most 60 s) until the gateway stored at least {@code published} points (one a report; an alarm stores
     * its readings too), i.e. the broker holds nothing more for it; says how long that took.
     */
    private String drain(long published) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
        while (gateway.stored() < published && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long stored = gateway.stored();
        return stored >= published ? String.format("level started %.1f s after the backlog before it was stored", s)
                : String.format("level started with %,d of %,d reports not yet stored (60 s)", published - stored, published);
    }

    private static double pct(List<Long> sorted, double p) {
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    /** Opens the SSE stream and returns once its replay ended; its thread notes each new alert's latency. */
    private SseSocketStream openStream() throws Exception {
        SseSocketStream stream = new SseSocketStream(URI.create(gateway.alertStreamUrl()));
        CountDownLatch replayed = new CountDownLatch(1);
        String[] event = {""};
        stream.readOn("bench-sse", (line, now) -> {
            if (line.startsWith("event: ")) {
                event[0] = line.substring(7).trim();
                if (event[0].equals("replayed")) {
                    replayed.countDown();
                }
            } else if (line.startsWith("data: ") && event[0].equals("alert")) {
                seen(line.substring(6), now);
            }
        });
        if (!replayed.await(30, TimeUnit.SECONDS)) {
            stream.close();
            throw new IllegalStateException("the alert stream did not end its replay in 30 s");
        }
        return stream;
    }

    /** An alert on the stream at {@code now}: the first version of an alarm's alert is its raise. */
    private void seen(String json, long now) {
        JsonNode alert;
        try {
            alert = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("the alert stream sent an alert that is not JSON: " + json, e);
        }
        String id = alert.path("device").path("id").asText("");
        Published at = alarmsPublished.get(id);
        if (at != null && !seen.containsKey(id)) {
            Long toRaise = alert.hasNonNull("raisedAt") ? Math.max(0, Duration.between(at.wall(),
                    Instant.parse(alert.get("raisedAt").asText())).toNanos()) : null;
            seen.put(id, new Seen(now - at.nanos(), toRaise));
        }
    }
}
