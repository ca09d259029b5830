package org.linli.centre.archive;

import io.vertx.core.json.JsonObject;
import org.linli.centre.CentreMeters;
import org.linli.centre.picture.PictureListener;
import org.linli.centre.site.CompoundRef;
import org.linli.gateway.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records the picture's reachability transitions as the archive's dark periods: when a compound's known reachability
 * changes (the first summary after start counts: it closes a period left open while no replica watched), a
 * {@code recordReachability} at the time this replica saw it. EVERY replica records (docs/CENTRE.md "The alert
 * archive"): the archive's rule makes repeats harmless (an opening inside a recorded period and a closing with no open
 * period change nothing), so the first replica to see a transition sets its time. {@link #onCompound} runs on the
 * centre's event loop and only queues; the writes run in order on {@code linli-centre-reachability}, each retried
 * with {@link Backoff} until it commits (a database that is down holds them back, loses none).
 */
public final class ReachabilityRecorder implements PictureListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReachabilityRecorder.class);

    private final ArchiveConnection connection;
    private final CentreMeters meters;
    private final Clock clock;
    private final Map<String, Boolean> last = new HashMap<>(); // event loop only
    private final AtomicInteger backlog = new AtomicInteger();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "linli-centre-reachability");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean failing;
    private volatile boolean closed;

    public ReachabilityRecorder(ArchiveConnection connection, CentreMeters meters, Clock clock) {
        this.connection = connection;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void onAlert(CompoundRef compound, JsonObject centreAlert) {
    }

    @Override
    public void onCompound(CompoundRef c, JsonObject health) {
        if (!Boolean.TRUE.equals(health.getBoolean("reachableKnown"))) {
            return;
        }
        boolean reachable = Boolean.TRUE.equals(health.getBoolean("reachable"));
        if (Boolean.valueOf(reachable).equals(last.put(c.id(), reachable))) {
            return;
        }
        Instant at = clock.instant();
        backlog.incrementAndGet();
        thread.execute(() -> record(c, reachable, at));
    }

    private void record(CompoundRef c, boolean reachable, Instant at) {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        try {
            while (!closed) {
                try {
                    ArchiveConnection.Opened o = connection.opened().get();
                    o.archive().recordReachability(c.street(), c.community(), c.id(), reachable, at);
                    meters.archiveReachability("written");
                    failing = false;
                    return;
                } catch (SQLException | RuntimeException e) {
                    failing = true;
                    meters.archiveReachability("failed");
                    long ms = backoff.next().toMillis();
                    LOG.warn("dark period of {} ({} at {}) not recorded: {}; trying again in {} ms", c.id(),
                            reachable ? "reachable" : "unreachable", at, e.toString(), ms);
                    Thread.sleep(ms);
                } catch (java.util.concurrent.ExecutionException e) {
                    return; // the archive closed before it opened
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            backlog.decrementAndGet();
        }
    }

    /** Transitions not recorded yet. */
    public int backlog() {
        return backlog.get();
    }

    /** True while the last attempt to record failed. */
    public boolean failing() {
        return failing;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
