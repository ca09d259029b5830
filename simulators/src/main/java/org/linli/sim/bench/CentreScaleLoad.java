package org.linli.sim.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One phase of alert traffic: raises {@code rate × duration} alerts in the fleet, round robin over the compounds,
 * one every 1/rate s on its own scheduler thread, and keeps the key of each. {@link #run} completes when the last
 * one is raised (queued by its compound, not yet acknowledged).
 */
final class CentreScaleLoad {
    private final String name;
    private final List<String> keys = new CopyOnWriteArrayList<>();

    CentreScaleLoad(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The keys ({@code compound/alertId}) raised so far. */
    List<String> keys() {
        return keys;
    }

    CompletableFuture<Void> run(CentreScaleFleet fleet, double rate, Duration duration) {
        int count = (int) Math.round(rate * duration.toMillis() / 1000.0);
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (count <= 0) {
            done.complete(null);
            return done;
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-load-" + name);
            t.setDaemon(true);
            return t;
        });
        AtomicInteger raised = new AtomicInteger();
        ScheduledFuture<?> task = timer.scheduleAtFixedRate(() -> {
            if (raised.get() >= count) {
                return;
            }
            keys.add(fleet.raiseNext());
            if (raised.incrementAndGet() == count) {
                done.complete(null);
            }
        }, 0, Math.max(1, (long) (1e9 / rate)), TimeUnit.NANOSECONDS);
        return done.whenComplete((v, e) -> {
            task.cancel(false);
            timer.shutdown();
        });
    }
}
