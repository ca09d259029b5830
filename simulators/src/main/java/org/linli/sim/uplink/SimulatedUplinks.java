package org.linli.sim.uplink;

import org.eclipse.paho.mqttv5.common.MqttException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N lightweight simulated compound uplinks in one JVM, for the centre's end-to-end tests, demo and benchmark: each
 * compound has its own Paho MQTT 5 client and speaks the issue-12 contract (alert versions, retained summary with a
 * will, commands answered with a reply), but has no gateway behind it ({@link SimulatedCompound}). Every alert
 * version the broker acknowledged is in {@link #ledger()}.
 *
 * <p>Threads: one shared scheduler for all compounds runs Paho's per-connection tasks (a Paho client given an
 * executor runs its receiver, sender and callback loops there, so the pool holds about three threads per connected
 * client) plus the summaries, bursts and retries of this class. Methods may be called from any thread.
 */
public final class SimulatedUplinks implements AutoCloseable {
    private final UplinkOptions options;
    private final ScheduledThreadPoolExecutor scheduler;
    private final UplinkLedger ledger = new UplinkLedger();
    /** At most this many first connects (or a come-back) in progress at once. */
    private final Semaphore connectPermits = new Semaphore(16);
    private final Map<String, SimulatedCompound> compounds = new LinkedHashMap<>();
    private final List<ScheduledFuture<?>> summaries = new ArrayList<>();

    private SimulatedUplinks(UplinkOptions options) {
        this.options = options;
        AtomicInteger n = new AtomicInteger();
        // Paho's loops occupy a pool thread each for the connection's life: size the pool for all of them
        this.scheduler = new ScheduledThreadPoolExecutor(4 * options.count() + 8, r -> {
            Thread t = new Thread(r, "sim-uplink-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /**
     * Creates the compounds {@code idPrefix1..N} under the options' street and community, connects them all
     * (asynchronously: see {@link #awaitConnected}), and starts their periodic summaries, staggered over one
     * interval.
     */
    public static SimulatedUplinks start(UplinkOptions options) {
        SimulatedUplinks fleet = new SimulatedUplinks(options);
        List<String> uris = options.serverUris();
        long periodMs = options.summaryInterval().toMillis();
        for (int i = 0; i < options.count(); i++) {
            String id = options.idPrefix() + (i + 1);
            CompoundAddress at = new CompoundAddress(options.street(), options.community(), id, "模拟小区" + id);
            List<String> rotated = new ArrayList<>(uris);
            if (options.spread()) {
                Collections.rotate(rotated, -(i % uris.size()));
            }
            try {
                SimulatedCompound c = new SimulatedCompound(at, options, rotated, fleet.scheduler, fleet.ledger,
                        fleet.connectPermits);
                fleet.compounds.put(id, c);
                c.connect();
                fleet.summaries.add(fleet.scheduler.scheduleAtFixedRate(c::publishSummary,
                        periodMs * i / options.count() + periodMs, periodMs, TimeUnit.MILLISECONDS));
            } catch (MqttException e) {
                fleet.close();
                throw new IllegalStateException("cannot create the client of " + id, e);
            }
        }
        return fleet;
    }

    /** The compound ids, in creation order. */
    public List<String> ids() {
        return new ArrayList<>(compounds.keySet());
    }

    public CompoundAddress address(String id) {
        return compound(id).address();
    }

    /** Every alert version the broker acknowledged, per compound. */
    public UplinkLedger ledger() {
        return ledger;
    }

    /** How many compounds are connected now. */
    public int connectedCount() {
        return (int) compounds.values().stream().filter(SimulatedCompound::connected).count();
    }

    /** Polls (50 ms) until every compound that is not dark is connected; false on timeout. */
    public boolean awaitConnected(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (compounds.values().stream().anyMatch(c -> !c.dark() && !c.connected())) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** The node URI compound {@code id} is (or was last) connected to. */
    public String serverUri(String id) {
        return compound(id).serverUri();
    }

    /** One line on compound {@code id}'s connection and outbox, for a test's failure message. */
    public String describe(String id) {
        SimulatedCompound c = compound(id);
        return id + ": " + (c.connected() ? "connected to " : "not connected, last ") + c.serverUri() + ", "
                + c.connects() + " connect(s), " + c.outboxDepth() + " message(s) in the outbox";
    }

    /** Messages not yet acknowledged by the broker, over all compounds. */
    public int pending() {
        return compounds.values().stream().mapToInt(SimulatedCompound::outboxDepth).sum();
    }

    /** Raises one alert in compound {@code id}; returns the alert's id. */
    public String raise(String id) {
        return compound(id).raise();
    }

    /** Applies a workflow action locally in compound {@code id} (publishes the new version); null when applied. */
    public String act(String id, String alertId, String action, String outcome, String to) {
        return compound(id).act(alertId, action, outcome, to);
    }

    /**
     * Raises {@code count} alerts, round robin over the compounds, at most {@code perSecond} per second (one every
     * 1/perSecond s on the scheduler). Completes when the last one is raised (queued, not yet acknowledged).
     */
    public CompletableFuture<Void> raiseBurst(int count, double perSecond) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        List<SimulatedCompound> all = new ArrayList<>(compounds.values());
        AtomicInteger raised = new AtomicInteger();
        long periodNanos = Math.max(1, (long) (1e9 / perSecond));
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        Runnable one = () -> {
            int i = raised.getAndIncrement();
            if (i >= count) {
                return;
            }
            all.get(i % all.size()).raise();
            if (i == count - 1) {
                done.complete(null);
            }
        };
        synchronized (task) {
            task[0] = scheduler.scheduleAtFixedRate(one, 0, periodNanos, TimeUnit.NANOSECONDS);
        }
        return done.whenComplete((v, e) -> task[0].cancel(false));
    }

    /** Compound {@code id} loses its connection abruptly (no DISCONNECT): the broker fires its will. */
    public void goDark(String id) {
        compound(id).goDark();
    }

    /** Compound {@code id} reconnects after {@link #goDark}. */
    public void comeBack(String id) {
        compound(id).comeBack();
    }

    /** Publishes every compound's summary now (besides the periodic ones). */
    public void publishSummaries() {
        compounds.values().forEach(SimulatedCompound::publishSummary);
    }

    /** Pool threads now alive (for the memory and thread figures of the benchmark). */
    public int threads() {
        return scheduler.getPoolSize();
    }

    private SimulatedCompound compound(String id) {
        SimulatedCompound c = compounds.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no simulated compound " + id);
        }
        return c;
    }

    /** Disconnects every compound cleanly (no will) and stops the scheduler. */
    @Override
    public void close() {
        summaries.forEach(f -> f.cancel(false));
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        compounds.values().forEach(c -> closing.add(CompletableFuture.runAsync(c::close, scheduler)));
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
        scheduler.shutdownNow();
    }
}
