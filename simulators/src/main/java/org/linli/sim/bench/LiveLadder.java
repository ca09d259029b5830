package org.linli.sim.bench;

import org.linli.sim.mqtt.DevicePublisher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The live rate ladder: the peer runs (warmed by a few seconds at the first rate, not reported), a paced publisher
 * offers each rate for one step; at the end of the step the harness waits until the peer's stored count reaches what
 * was published and calls that wait the lag. A step "keeps up" when the lag is at most 2 s; the ladder stops after
 * the first step more than 5 s behind (the backlog then only grows). The ceiling is the highest rate offered that kept
 * up. Runs on the harness's main thread.
 */
final class LiveLadder {
    static final double KEEPS_UP_SECONDS = 2;
    private static final double GIVE_UP_SECONDS = 5;
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(60);

    private final BenchRig rig;
    private final Peer peer;
    private final List<BenchMessages.Message> pool;
    private final int qos;
    private final int stepSeconds;
    private double ceiling;
    private boolean fellBehind;
    private long[] storablePrefix; // storablePrefix[i]: messages among pool[0..i) the peer can store

    LiveLadder(BenchRig rig, Peer peer, List<BenchMessages.Message> pool, int qos, int stepSeconds) {
        this.rig = rig;
        this.peer = peer;
        this.pool = pool;
        this.qos = qos;
        this.stepSeconds = stepSeconds;
    }

    /** Whether a step did not keep up; if none did, the ceiling is only a lower bound (the ladder's top). */
    boolean fellBehind() {
        return fellBehind;
    }

    /** The highest offered rate that kept up (0 if none did); after {@link #run}. */
    double ceiling() {
        return ceiling;
    }

    List<BenchRow> run(List<Integer> rates) throws Exception {
        List<BenchRow> rows = new ArrayList<>();
        storablePrefix = new long[pool.size() + 1];
        for (int i = 0; i < pool.size(); i++) {
            storablePrefix[i + 1] = storablePrefix[i] + peer.expected(pool.subList(i, i + 1));
        }
        peer.start();
        try (ProcessSampler sampler = new ProcessSampler(peer.pid());
             DevicePublisher publisher = new DevicePublisher(rig.broker.url(), "bench-live-publisher")) {
            peer.awaitConnected(Duration.ofSeconds(120));
            long subscribed = awaitSubscribed(publisher);
            PacedPublisher paced = new PacedPublisher(publisher, pool, qos);
            long warm = paced.publish(rates.get(0), 5);
            catchUp(subscribed, storable(warm));
            long base = subscribed + storable(warm); // from here on, stored - base counts the steps' messages
            long published = 0;
            for (int rate : rates) {
                String loadBefore = ProcessSampler.loadAverage();
                double cpu0 = sampler.cpuSeconds();
                long t0 = System.nanoTime();
                long sent = paced.publish(rate, stepSeconds);
                long stepEnd = System.nanoTime();
                published += sent;
                long storedAtEnd = peer.stored() - base;
                double lag = catchUp(base, storable(warm + published) - storable(warm)) < 0 ? Double.NaN : (System.nanoTime() - stepEnd) / 1e9;
                double cpu = sampler.cpuSeconds() - cpu0;
                double offered = sent / ((stepEnd - t0) / 1e9);
                boolean keeps = !Double.isNaN(lag) && lag <= KEEPS_UP_SECONDS;
                if (keeps) {
                    ceiling = Math.max(ceiling, offered);
                } else {
                    fellBehind = true;
                }
                String note = Double.isNaN(lag) ? String.format("not caught up %d s after the step: %,d of %,d stored (taken from MQTT: %,d)",
                        CATCH_UP_LIMIT.toSeconds(), peer.stored() - base, published, peer.received() - (peer.received() < 0 ? 0 : base))
                        : keeps ? "keeps up" : String.format("behind: stored %.1f s after the step", lag);
                long storedOfStep = storedAtEnd - (storable(warm + published - sent) - storable(warm));
                rows.add(new BenchRow(peer.name(), "live " + rate + "/s", qos, sent, storedOfStep,
                        (stepEnd - t0) / 1e9, offered, lag, Double.NaN, cpu * 1e6 / sent, sampler.peakRssMb(), loadBefore,
                        ProcessSampler.loadAverage(), note));
                if (Double.isNaN(lag) || lag > GIVE_UP_SECONDS) {
                    break;
                }
            }
        } finally {
            peer.stop();
        }
        return rows;
    }

    /**
     * A message published before the peer's subscriptions exist is lost: publishes one storable message a vendor
     * profile, every 2 s, until the peer stored one of each; returns the stored count then.
     */
    private long awaitSubscribed(DevicePublisher publisher) throws Exception {
        java.util.Map<String, BenchMessages.Message> probes = new java.util.LinkedHashMap<>();
        for (BenchMessages.Message m : pool) {
            if (peer.expected(List.of(m)) == 1) {
                probes.putIfAbsent(m.profile(), m);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (peer.stored() < probes.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(peer.name() + " stored " + peer.stored() + " of " + probes.size() + " probes");
            }
            for (BenchMessages.Message m : probes.values()) {
                publisher.publish(m.topic(), m.payload(), 1).get(30, TimeUnit.SECONDS);
            }
            long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (peer.stored() < probes.size() && System.nanoTime() < wait) {
                Thread.sleep(50);
            }
        }
        Thread.sleep(500); // probes of a second round still on their way
        return peer.stored();
    }

    /** Messages the peer can store among the first {@code published} of the pool (it cycles). */
    private long storable(long published) {
        int n = pool.size();
        return published / n * storablePrefix[n] + storablePrefix[(int) (published % n)];
    }

    /**
     * Waits until the peer stored {@code target} messages counted from {@code base}; returns {@code base}-relative
     * stored count, or -1 if it did not get there within the limit.
     */
    private long catchUp(long base, long target) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            long s = peer.stored() - base;
            if (s >= target) {
                return s;
            }
            Thread.sleep(20);
        }
        return -1;
    }
}
