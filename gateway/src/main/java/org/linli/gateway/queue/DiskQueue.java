package org.linli.gateway.queue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.linli.gateway.config.InfluxOptions;
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
import java.util.HashMap;
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
 * <p>
 * Several time-series targets share the queue: a point is appended and fsynced once; each target has its own
 * committed position per lane, and a segment is deleted when every target has passed it (docs/QUEUE.md).
 */
public final class DiskQueue implements TelemetrySink {
    private static final Logger LOG = LoggerFactory.getLogger(DiskQueue.class);

    private final Vertx vertx;
    private final Context context;
    private final Clock clock;
    private final QueueSettings settings;
    private final ExecutorService io;
    private final Map<Lane, SegmentLog> lanes = new EnumMap<>(Lane.class);
    private final List<String> targets;
    private final QueueStats stats;
    private final List<Runnable> appendListeners = new ArrayList<>();

    private List<Offer> collecting = new ArrayList<>();
    private boolean commitPending;
    private boolean closed;
    /** Segments of the batch each target's forwarder is writing: the quota must not drop them. I/O thread only. */
    private final Map<String, InFlight> inFlight = new HashMap<>();
    private boolean overQuotaWarned;
    /** Back-off of the write being retried after a disk error; {@code failures() == 0}: the disk is fine. */
    private final Backoff diskRetry = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10));

    /** Points held in memory while the disk refuses writes; past this, offers fail at once (and are counted). */
    static final int MAX_HELD_POINTS = 20_000;

    private record Offer(PointBatch points, Promise<Void> done) {
    }

    private record InFlight(Lane lane, long from, long to) {
    }

    private DiskQueue(Vertx vertx, QueueSettings settings, Clock clock, List<String> targets) {
        this.targets = List.copyOf(targets);
        this.stats = new QueueStats(this.targets);
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

    /** Opens (and recovers) the queue for the single target {@value InfluxOptions#SINGLE_TARGET}. */
    public static Future<DiskQueue> open(Vertx vertx, QueueSettings settings, Clock clock) {
        return open(vertx, settings, clock, List.of(InfluxOptions.SINGLE_TARGET));
    }

    /**
     * Opens (and recovers) the queue under {@code settings.dir()}, with one committed position per lane for each of
     * {@code targets}. Call on the event-loop context that will use it.
     */
    public static Future<DiskQueue> open(Vertx vertx, QueueSettings settings, Clock clock, List<String> targets) {
        DiskQueue q = new DiskQueue(vertx, settings, clock, targets);
        return q.onIo(() -> {
            for (Lane lane : Lane.values()) {
                q.lanes.put(lane, SegmentLog.open(lane, settings.dir().resolve(SegmentLog.dirName(lane)),
                        settings.segmentBytes(), q.targets));
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
            Map<Lane, List<byte[]>> byLane = new EnumMap<>(Lane.class);
            int points = 0;
            for (Offer o : batch) {
                for (Lane lane : Lane.values()) {
                    List<byte[]> lines = o.points().utf8(lane);
                    if (!lines.isEmpty()) {
                        byLane.computeIfAbsent(lane, l -> new ArrayList<>()).addAll(lines);
                        points += lines.size();
                    }
                }
            }
            for (Map.Entry<Lane, List<byte[]>> e : byLane.entrySet()) {
                lanes.get(e.getKey()).appendUtf8(e.getValue(), now);
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
     * lane, never a batch a forwarder is writing) and count its points as dropped for each target that had not yet
     * written them. The bytes on disk are what the slowest target has not passed: the quota counts from its position.
     */
    private void enforceQuota() throws IOException {
        SegmentLog telemetry = lanes.get(Lane.TELEMETRY);
        while (totalBytes() > settings.maxBytes()) {
            Map<String, Long> lost = telemetry.dropOldest(this::writingTelemetry);
            if (lost != null) {
                lost.forEach((target, n) -> stats.target(target).dropped(QueueStats.QUOTA_OLDEST_TELEMETRY, n));
                LOG.warn("queue over its quota of {} bytes (held back by {}): dropped the oldest telemetry segment "
                        + "(points per target not yet written: {})", settings.maxBytes(), telemetry.slowestReader(), lost);
                continue;
            }
            if (telemetry.activeHasRecords() && !writingTelemetry(telemetry.activeSegment())) {
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

    /** Whether a forwarder is writing records of telemetry segment {@code id} (for the active one: of it or later). */
    private boolean writingTelemetry(long id) {
        for (InFlight f : inFlight.values()) {
            if (f.lane() == Lane.TELEMETRY && id >= f.from() && id <= f.to()) {
                return true;
            }
        }
        return false;
    }

    private long totalBytes() {
        return lanes.values().stream().mapToLong(SegmentLog::bytes).sum();
    }

    private void publishDepth() throws IOException {
        SegmentLog events = lanes.get(Lane.EVENTS);
        SegmentLog telemetry = lanes.get(Lane.TELEMETRY);
        for (String target : targets) {
            TargetStats t = stats.target(target);
            t.eventPoints = events.unacked(target);
            t.telemetryPoints = telemetry.unacked(target);
            long a = events.oldestUnackedMillis(target);
            long b = telemetry.oldestUnackedMillis(target);
            t.oldestUnackedMillis = a < 0 ? b : b < 0 ? a : Math.min(a, b);
        }
        stats.bytes = totalBytes();
        stats.segments = lanes.values().stream().mapToLong(SegmentLog::segmentCount).sum();
        String slowest = telemetry.slowestReader();
        stats.heldBackBy = slowest != null ? slowest : events.slowestReader();
    }

    /** {@link #next(String, int)} for the first target. */
    public Future<List<QueuedRecord>> next(int maxPoints) {
        return next(targets.get(0), maxPoints);
    }

    /**
     * The next records {@code target} has to write, in order: from the events lane while it has any for it, else from
     * telemetry. Empty when the target has written everything. The records stay in the queue until {@link #ack}.
     */
    public Future<List<QueuedRecord>> next(String target, int maxPoints) {
        return onIo(() -> {
            for (Lane lane : Lane.values()) {
                SegmentLog log = lanes.get(lane);
                if (log.unacked(target) > 0) {
                    List<QueuedRecord> records = log.read(target, maxPoints);
                    if (!records.isEmpty()) {
                        inFlight.put(target, new InFlight(lane, records.get(0).segment(),
                                records.get(records.size() - 1).segment()));
                        return records;
                    }
                }
            }
            inFlight.remove(target);
            return List.of();
        });
    }

    /** {@link #ack(String, List)} for the first target. */
    public Future<Void> ack(List<QueuedRecord> records) {
        return ack(targets.get(0), records);
    }

    /**
     * Marks {@code records} (the next ones of their lane for {@code target}, in order) as done for that target: it
     * has them or refused them. A segment goes once every target is done with it.
     */
    public Future<Void> ack(String target, List<QueuedRecord> records) {
        if (records.isEmpty()) {
            return Future.succeededFuture();
        }
        return onIo(() -> {
            lanes.get(records.get(0).lane()).ack(target, records);
            publishDepth();
            return null;
        });
    }

    /** The targets this queue keeps a position for, in configuration order. */
    public List<String> targets() {
        return targets;
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
