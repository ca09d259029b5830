package org.linli.sim.bench;

import org.linli.sim.mqtt.DevicePublisher;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One backlog drain, as issue 15 measured it: the peer connects once (its persistent session and subscriptions are
 * created; one probe message a vendor profile proves them), stops; the whole backlog is published while it is away (queued
 * by the broker); the peer starts again, and the drain is timed from its MQTT connect (the log line, read as it is
 * written) to the moment its counters show the last message stored, polled every 50 ms. The publisher is out of the
 * figure. Runs on the harness's main thread.
 */
final class BacklogRun {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(120);

    private final BenchRig rig;
    private final Peer peer;
    private final List<BenchMessages.Message> backlog;
    private final int qos;
    private final int stallSeconds;

    BacklogRun(BenchRig rig, Peer peer, List<BenchMessages.Message> backlog, int qos, int stallSeconds) {
        this.rig = rig;
        this.peer = peer;
        this.backlog = backlog;
        this.qos = qos;
        this.stallSeconds = stallSeconds;
    }

    BenchRow run() throws Exception {
        try (DevicePublisher publisher = new DevicePublisher(rig.broker.url(), "bench-backlog-publisher")) {
            createSession(publisher);
            for (BenchMessages.Message m : backlog) {
                publisher.publish(m.topic(), m.payload(), qos);
            }
            // the broker handles one connection's packets in order: once this QoS 1 message is acknowledged, every
            // QoS 0 message before it is queued too (its topic is nobody's but Node-RED's '#'; it has no fields)
            publisher.publish("linli/bench/fence", "{}".getBytes(), 1).get(120, TimeUnit.SECONDS);
            if (!publisher.awaitQuiet(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the broker did not acknowledge the whole backlog");
            }
        }
        return drain();
    }

    /** First start: connect, subscribe, take one probe a vendor profile (so the subscriptions exist), stop. */
    private void createSession(DevicePublisher publisher) throws Exception {
        peer.start();
        peer.awaitConnected(CONNECT_TIMEOUT);
        Map<String, BenchMessages.Message> probes = new LinkedHashMap<>();
        backlog.forEach(m -> probes.putIfAbsent(m.profile(), m));
        // a probe published before its subscription is in place is lost (no session queue yet): publish again only
        // then, after a generous wait, so that no probe is left queued for the drain
        for (int attempt = 1; peer.stored() < probes.size(); attempt++) {
            if (attempt > 3) {
                throw new IllegalStateException(peer.name() + " stored " + peer.stored() + " of " + probes.size() + " probes");
            }
            for (BenchMessages.Message m : probes.values()) {
                publisher.publish(m.topic(), m.payload(), 1).get(30, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (peer.stored() < probes.size() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        peer.stop();
    }

    private BenchRow drain() throws Exception {
        String loadBefore = ProcessSampler.loadAverage();
        long n = peer.expected(backlog);
        peer.start();
        long started = System.nanoTime();
        try (ProcessSampler sampler = new ProcessSampler(peer.pid())) {
            long connected = peer.awaitConnected(CONNECT_TIMEOUT);
            // a fresh process counts from zero, and createSession left nothing queued (its probes were stored), so
            // nothing here is a replay; a base read after the connect raced with the first write, which now comes
            // within a few hundred ms of it, and the drain then never reached its count
            long firstWrite = -1;
            long last = 0;
            long lastProgress = System.nanoTime();
            long stored = 0;
            while (true) {
                long now = System.nanoTime();
                long s = safeStored();
                if (s > stored) {
                    stored = s;
                    lastProgress = now;
                    if (firstWrite < 0) {
                        firstWrite = now;
                    }
                }
                if (stored >= n && (peer.received() < 0 || peer.received() >= n)) {
                    last = now;
                    break;
                }
                if (now - lastProgress > TimeUnit.SECONDS.toNanos(stallSeconds)) {
                    break;
                }
                Thread.sleep(50);
            }
            double cpu = sampler.cpuSeconds();
            double rss = sampler.peakRssMb();
            boolean done = last > 0;
            double seconds = ((done ? last : lastProgress) - connected) / 1e9;
            String note = done ? "" : "stalled at " + String.format("%,d", stored) + " stored (nothing more for " + stallSeconds + " s)";
            if (done && n < backlog.size()) {
                note = String.format("%,d of the messages are in formats this flow cannot store (nested values, ISO time)", backlog.size() - n);
            }
            BenchRow row = new BenchRow(peer.name(), "backlog", qos, backlog.size(), stored, seconds, stored / seconds,
                    firstWrite < 0 ? Double.NaN : (firstWrite - connected) / 1e9,
                    done ? stored / ((last - started) / 1e9) : Double.NaN,
                    stored == 0 ? Double.NaN : cpu * 1e6 / stored, rss, loadBefore, ProcessSampler.loadAverage(), note);
            peer.stop();
            return row;
        }
    }

    /** The peer's count, or what was last seen when a scrape fails under load (a stalled peer may not answer). */
    private long lastSeen;

    private long safeStored() {
        try {
            lastSeen = Math.max(lastSeen, peer.stored());
        } catch (Exception e) {
            // keep the last count
        }
        return lastSeen;
    }
}
