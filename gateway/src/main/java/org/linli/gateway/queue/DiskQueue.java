package org.linli.gateway.queue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.linli.gateway.retry.Backoff;
import org.linli.gateway.timeseries.Lane;
import org.linli.gateway.timeseries.PointBatch;
import org.linli.gateway.timeseries.TelemetrySink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The durable store-and-forward queue in front of the time-series writer (docs/QUEUE.md). {@link #offer} completes
 * only once the points are fsynced, so MQTT acknowledges a QoS 1 message only when it is durable. Offers arriving
 * within {@code fsyncEveryMs} (and while a commit is running) share one write and one fsync (group commit).
 * <p>
 * All disk I/O runs on one dedicated thread, in submission order; results hop back to the creating event-loop
 * context, to which the rest of this class is confined. Offering never waits on the network.
 */
public final class DiskQueue implements TelemetrySink {
    private static final Logger LOG = LoggerFactory.getLogger(DiskQueue.class);

    private final Vertx vertx;
    private final Context context;
    private final Clock clock;
    private final QueueSettings settings;
    private final ExecutorService io;
    private final Map<Lane, SegmentLog> lanes = new EnumMap<>(Lane.class);
    private final QueueStats stats = new QueueStats();
    private final List<Runnable> appendListeners = new ArrayList<>();

    private List<Offer> collecting = new ArrayList<>();
    private boolean commitPending;
    private boolean closed;
    /** Segments of the batch being written, per lane: the quota must not drop them under the forwarder. */
    private volatile long inFlightFrom = -1;
    private volatile long inFlightTo = -1;
    private volatile Lane inFlightLane;
    private boolean overQuotaWarned;
    /** Back-off of the write being retried after a disk error; {@code failures() == 0}: the disk is fine. */
    private final Backoff diskRetry = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10));

    /** Points held in memory while the disk refuses writes; past this, offers fail at once (and are counted). */
    static final int MAX_HELD_POINTS = 20_000;

    private record Offer(PointBatch points, Promise<Void> done) {
    }

    private DiskQueue(Vertx vertx, QueueSettings settings, Clock clock) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.settings = settings;
        this.clock = clock;
        this.io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "linli-queue-io");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens (and recovers) the queue under {@code settings.dir()}. Call on the event-loop context that will use it. */
    public static Future<DiskQueue> open(Vertx vertx, QueueSettings settings, Clock clock) {
        DiskQueue q = new DiskQueue(vertx, settings, clock);
        return q.onIo(() -> {
            for (Lane lane : Lane.values()) {
                q.lanes.put(lane, SegmentLog.open(lane, settings.dir().resolve(SegmentLog.dirName(lane)), settings.segmentBytes()));
            }
            q.enforceQuota();
            q.publishDepth();
            return q;
        });
    }

    @Override
    public Future<Void> offer(PointBatch points) {
        if (closed) {
            return Future.failedFuture("queue closed");
        }
        if (diskRetry.failures() > 0 && points(collecting) + points.size() > MAX_HELD_POINTS) {
            stats.refusedPoints.add(points.size());
            return Future.failedFuture("queue: the disk refuses writes (" + stats.lastDiskError + "); "
                    + MAX_HELD_POINTS + " points already wait in memory");
        }
        Promise<Void> done = Promise.promise();
        collecting.add(new Offer(points, done));
        if (!commitPending) {
            commitPending = true;
            vertx.setTimer(Math.max(1, settings.fsyncEveryMs()), id -> commit());
        }
        return done.future();
    }

    /** Called on the event loop after each commit: the forwarder waits on this instead of polling. */
    public void onAppended(Runnable listener) {
        appendListeners.add(listener);
    }

    private void commit() {
        List<Offer> batch = collecting;
        collecting = new ArrayList<>();
        write(batch);
    }

    /**
     * Appends and fsyncs one group of offers. A disk error (full, failing) does not fail them: the batch is written
     * again after a back-off, its offers waiting meanwhile, so MQTT withholds their acknowledgements and the broker
     * slows down instead of the points being lost, and the flow resumes by itself once space is free. A segment
     * cut mid-write is put back to its last whole record by {@link Segment}; a retried batch may repeat points that
     * did reach the disk, which the server treats as the same points.
     */
    private void write(List<Offer> batch) {
        long now = clock.millis();
        onIo(() -> {
            Map<Lane, List<String>> byLane = new EnumMap<>(Lane.class);
            int points = 0;
            for (Offer o : batch) {
                for (Lane lane : Lane.values()) {
                    List<String> lines = o.points().lines(lane);
                    if (!lines.isEmpty()) {
                        byLane.computeIfAbsent(lane, l -> new ArrayList<>()).addAll(lines);
                        points += lines.size();
                    }
                }
            }
            for (Map.Entry<Lane, List<String>> e : byLane.entrySet()) {
                lanes.get(e.getKey()).append(e.getValue(), now);
            }
            for (Lane lane : byLane.keySet()) {
                lanes.get(lane).sync();
            }
            stats.offeredPoints.add(points);
            stats.committedBatches.increment();
            enforceQuota();
            publishDepth();
            return null;
        }).onComplete(ar -> {
            if (ar.failed() && !closed && !(ar.cause() instanceof IllegalArgumentException)) {
                retryAfterDiskError(batch, ar.cause());
                return;
            }
            if (ar.succeeded() && diskRetry.failures() > 0) {
                LOG.info("queue: the disk takes writes again");
                diskRetry.reset();
            }
            for (Offer o : batch) {
                if (ar.succeeded()) {
                    o.done().complete();
                } else {
                    o.done().fail(ar.cause());
                }
            }
            if (ar.failed()) {
                stats.refusedPoints.add(points(batch));
                LOG.error("queue: could not make {} offer(s) durable: {}", batch.size(), ar.cause().toString());
            }
            commitPending = false;
            if (!collecting.isEmpty()) {
                commitPending = true;
                commit();
            }
            appendListeners.forEach(Runnable::run);
        });
    }

    private void retryAfterDiskError(List<Offer> batch, Throwable cause) {
        stats.diskErrors.increment();
        stats.lastDiskError = cause.toString();
        long delayMs = diskRetry.next().toMillis();
        LOG.error("queue: could not make {} point(s) durable ({}); they wait in memory, unacknowledged, and are "
                + "written again in {} ms", points(batch), cause.toString(), delayMs);
        vertx.setTimer(delayMs, id -> {
            // offers that came meanwhile join the retried batch: one write, one fsync, order kept
            List<Offer> again = new ArrayList<>(batch);
            again.addAll(collecting);
            collecting = new ArrayList<>();
            write(again);
        });
    }

    private static long points(List<Offer> offers) {
        return offers.stream().mapToLong(o -> o.points().size()).sum();
    }

    /**
     * The full-disk policy: while the queue is over its quota, drop the oldest telemetry segment (never the events
     * lane, never the batch being written) and count its unacknowledged points.
     */
    private void enforceQuota() throws IOException {
        SegmentLog telemetry = lanes.get(Lane.TELEMETRY);
        while (totalBytes() > settings.maxBytes()) {
            boolean protect = inFlightLane == Lane.TELEMETRY;
            long lost = telemetry.dropOldest(protect ? inFlightFrom : -1, protect ? inFlightTo : -1);
            if (lost >= 0) {
                stats.dropped(QueueStats.QUOTA_OLDEST_TELEMETRY, lost);
                LOG.warn("queue over its quota of {} bytes: dropped the oldest telemetry segment ({} points)",
                        settings.maxBytes(), lost);
                continue;
            }
            boolean activeInFlight = protect && inFlightTo >= telemetry.activeSegment();
            if (telemetry.activeHasRecords() && !activeInFlight) {
                telemetry.roll(); // seal it so it can be dropped like the others
                continue;
            }
            if (!overQuotaWarned) {
                overQuotaWarned = true;
                LOG.warn("queue over its quota of {} bytes with no telemetry left to drop: device events are kept",
                        settings.maxBytes());
            }
            return;
        }
        overQuotaWarned = false;
    }

    private long totalBytes() {
        return lanes.values().stream().mapToLong(SegmentLog::bytes).sum();
    }

    private void publishDepth() throws IOException {
        stats.eventPoints = lanes.get(Lane.EVENTS).unacked();
        stats.telemetryPoints = lanes.get(Lane.TELEMETRY).unacked();
        stats.bytes = totalBytes();
        stats.segments = lanes.values().stream().mapToLong(SegmentLog::segmentCount).sum();
        long oldest = -1;
        for (SegmentLog log : lanes.values()) {
            long t = log.oldestUnackedMillis();
            if (t >= 0 && (oldest < 0 || t < oldest)) {
                oldest = t;
            }
        }
        stats.oldestUnackedMillis = oldest;
    }

    /**
     * The next records to write, in order: from the events lane while it has any, else from telemetry. Empty when
     * the queue is empty. The returned records stay in the queue until {@link #ack}.
     */
    public Future<List<QueuedRecord>> next(int maxPoints) {
        return onIo(() -> {
            for (Lane lane : Lane.values()) {
                SegmentLog log = lanes.get(lane);
                if (log.unacked() > 0) {
                    List<QueuedRecord> records = log.read(maxPoints);
                    if (!records.isEmpty()) {
                        inFlightLane = lane;
                        inFlightFrom = records.get(0).segment();
                        inFlightTo = records.get(records.size() - 1).segment();
                        return records;
                    }
                }
            }
            inFlightLane = null;
            return List.of();
        });
    }

    /** Marks {@code records} (the next ones of their lane, in order) as done: the server has them or refused them. */
    public Future<Void> ack(List<QueuedRecord> records) {
        if (records.isEmpty()) {
            return Future.succeededFuture();
        }
        return onIo(() -> {
            lanes.get(records.get(0).lane()).ack(records);
            publishDepth();
            return null;
        });
    }

    public QueueStats stats() {
        return stats;
    }

    /** Completes after the pending offers are durable; then the I/O thread stops. */
    public Future<Void> close() {
        if (closed) {
            return Future.succeededFuture();
        }
        closed = true;
        Promise<Void> drained = Promise.promise();
        vertx.setPeriodic(0, 5, id -> {
            if (!commitPending && collecting.isEmpty()) {
                vertx.cancelTimer(id);
                drained.complete();
            }
        });
        return drained.future().compose(v -> onIo(() -> {
            for (SegmentLog log : lanes.values()) {
                log.close();
            }
            return null;
        })).<Void>mapEmpty().eventually(() -> {
            io.shutdown();
            return Future.succeededFuture();
        });
    }

    /** Runs {@code task} on the I/O thread and completes on this queue's event-loop context. */
    private <T> Future<T> onIo(Callable<T> task) {
        Promise<T> p = Promise.promise();
        try {
            io.execute(() -> {
                try {
                    T r = task.call();
                    context.runOnContext(v -> p.complete(r));
                } catch (Exception | Error e) {
                    context.runOnContext(v -> p.fail(e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            p.fail(e);
        }
        return p.future();
    }
}
