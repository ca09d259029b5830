package org.linli.sim.bench;

import org.linli.sim.mqtt.DevicePublisher;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One backlog drain, as issue 15 measured it: the peer connects once (its persistent session and subscriptions are
 * created; one probe message a vendor profile proves them), stops; the whole backlog is published while it is away (queued
 * by the broker); the peer starts again, and the drain is timed from its MQTT connect (the log line, read as it is
 * written) to the moment its counters show the last message stored, polled every 50 ms. The publisher is out of the
 * figure. With a warm backlog ({@code --warm}) the process, once it has drained, is stopped with {@code SIGSTOP}, the
 * second backlog is published, and its drain is timed from {@code SIGCONT}: the same work on compiled code. Runs on the
 * harness's main thread.
 */
final class BacklogRun {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(120);

    private final BenchRig rig;
    private final Peer peer;
    private final List<BenchMessages.Message> backlog;
    private final List<BenchMessages.Message> warmBacklog;
    private final int qos;
    private final int stallSeconds;

    /** {@code warmBacklog}: drained after {@code backlog} by the same process, or null for none. */
    BacklogRun(BenchRig rig, Peer peer, List<BenchMessages.Message> backlog, List<BenchMessages.Message> warmBacklog,
               int qos, int stallSeconds) {
        this.rig = rig;
        this.peer = peer;
        this.backlog = backlog;
        this.warmBacklog = warmBacklog;
        this.qos = qos;
        this.stallSeconds = stallSeconds;
    }

    /** The cold drain's row, then the warm drain's if one was asked for and the cold drain finished. */
    List<BenchRow> run() throws Exception {
        try (DevicePublisher publisher = new DevicePublisher(rig.broker.url(), "bench-backlog-publisher")) {
            createSession(publisher);
            publishAll(publisher, backlog);
        }
        List<BenchRow> rows = new ArrayList<>();
        try {
            Drained cold = drain();
            rows.add(cold.row());
            if (warmBacklog != null && cold.done()) {
                rows.add(warmDrain(cold));
            }
        } finally {
            peer.stop();
        }
        return rows;
    }

    private void publishAll(DevicePublisher publisher, List<BenchMessages.Message> messages) throws Exception {
        for (BenchMessages.Message m : messages) {
            publisher.publish(m.topic(), m.payload(), qos);
        }
        // the broker handles one connection's packets in order: once this QoS 1 message is acknowledged, every
        // QoS 0 message before it is queued too (its topic is nobody's but Node-RED's '#'; it has no fields)
        publisher.publish("linli/bench/fence", "{}".getBytes(), 1).get(120, TimeUnit.SECONDS);
        if (!publisher.awaitQuiet(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the broker did not acknowledge the whole backlog");
        }
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

    /** A drain's row, whether it reached its count, and the peer's counts at its end. */
    private record Drained(BenchRow row, boolean done, long stored, long received) {
    }

    /** How a drain went: the peer's stored count at the end, and when it first moved, last moved and reached its target. */
    private record Progress(long stored, long firstWrite, long lastProgress, long reached) {
        boolean done() {
            return reached > 0;
        }
    }

    private Drained drain() throws Exception {
        String loadBefore = ProcessSampler.loadAverage();
        long n = peer.expected(backlog);
        peer.start();
        long started = System.nanoTime();
        try (ProcessSampler sampler = new ProcessSampler(peer.pid())) {
            long connected = peer.awaitConnected(CONNECT_TIMEOUT);
            // a fresh process counts from zero, and createSession left nothing queued (its probes were stored), so
            // nothing here is a replay; a base read after the connect raced with the first write, which now comes
            // within a few hundred ms of it, and the drain then never reached its count
            Progress p = await(0, n, n);
            double cpu = sampler.cpuSeconds();
            double rss = sampler.peakRssMb();
            double seconds = ((p.done() ? p.reached() : p.lastProgress()) - connected) / 1e9;
            String note = p.done() ? "" : stalled(p.stored());
            if (p.done() && n < backlog.size()) {
                note = String.format("%,d of the messages are in formats this flow cannot store (nested values, ISO time)", backlog.size() - n);
            }
            BenchRow row = new BenchRow(peer.name(), "backlog", qos, backlog.size(), p.stored(), seconds, p.stored() / seconds,
                    p.firstWrite() < 0 ? Double.NaN : (p.firstWrite() - connected) / 1e9,
                    p.done() ? p.stored() / ((p.reached() - started) / 1e9) : Double.NaN,
                    p.stored() == 0 ? Double.NaN : cpu * 1e6 / p.stored(), rss, loadBefore, ProcessSampler.loadAverage(), note);
            return new Drained(row, p.done(), p.stored(), Math.max(0, peer.received()));
        }
    }

    /**
     * The second backlog, drained by the same process now that its code is compiled: the process is stopped while the
     * broker queues the backlog for it (its connection stays open), and the drain is timed from {@code SIGCONT}.
     */
    private BenchRow warmDrain(Drained cold) throws Exception {
        long n = peer.expected(warmBacklog);
        peer.pause();
        try (DevicePublisher publisher = new DevicePublisher(rig.broker.url(), "bench-warm-backlog-publisher")) {
            publishAll(publisher, warmBacklog);
        } catch (Exception e) {
            peer.resume();
            throw e;
        }
        String loadBefore = ProcessSampler.loadAverage();
        try (ProcessSampler sampler = new ProcessSampler(peer.pid())) {
            double cpuBefore = sampler.cpuSeconds();
            peer.resume();
            long resumed = System.nanoTime();
            Progress p = await(cold.stored(), cold.stored() + n, cold.received() + n);
            long stored = p.stored() - cold.stored();
            double seconds = ((p.done() ? p.reached() : p.lastProgress()) - resumed) / 1e9;
            double cpu = sampler.cpuSeconds() - cpuBefore;
            return new BenchRow(peer.name(), "backlog, warm", qos, warmBacklog.size(), stored, seconds, stored / seconds,
                    Double.NaN, Double.NaN, stored == 0 ? Double.NaN : cpu * 1e6 / stored, sampler.peakRssMb(), loadBefore,
                    ProcessSampler.loadAverage(), p.done() ? "" : stalled(stored));
        }
    }

    /**
     * Polls the peer every 50 ms until it has stored {@code target} (and, where it counts them, received
     * {@code receivedTarget}), or nothing more was stored for the stall time; {@code from}: its stored count before.
     */
    private Progress await(long from, long target, long receivedTarget) throws InterruptedException, IOException {
        long firstWrite = -1;
        long lastProgress = System.nanoTime();
        long stored = from;
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
            if (stored >= target && (peer.received() < 0 || peer.received() >= receivedTarget)) {
                return new Progress(stored, firstWrite, lastProgress, now);
            }
            if (now - lastProgress > TimeUnit.SECONDS.toNanos(stallSeconds)) {
                return new Progress(stored, firstWrite, lastProgress, -1);
            }
            Thread.sleep(50);
        }
    }

    private String stalled(long stored) {
        return "stalled at " + String.format("%,d", stored) + " stored (nothing more for " + stallSeconds + " s)";
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
