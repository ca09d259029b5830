package org.linli.gateway.queue;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.timeseries.BatchWriter;
import org.linli.gateway.timeseries.RetryBackoff;
import org.linli.gateway.timeseries.WriteOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Moves points from the head of the {@link DiskQueue} to the time-series server, one batch at a time, and lets the
 * typed {@link WriteOutcome} decide (FIELD-NOTES §2): accepted and rejected (dead-lettered, counted) move the
 * acknowledged position; too-large splits the batch in halves; retry-later keeps the batch and waits for the longer
 * of an increasing delay and the server's Retry-After, so a down server sees one request per back-off step.
 * <p>
 * A poison batch cannot block the queue: a batch the server keeps failing with a plain 5xx (not 502/503/504, which
 * mean the server as a whole is unavailable) is split after {@code POISON_ATTEMPTS} tries, down to the one point that
 * fails, which is dead-lettered (the halves of a poison batch are split again on their
 * first 5xx, so finding the one point takes a few requests, not a few back-off cycles). Event-loop confined; the blocking write runs on its own worker thread.
 * <p>
 * One forwarder per time-series target: each reads from and commits its target's own position, with its own back-off
 * and status, so a target that is down holds back none of the others (docs/QUEUE.md, several targets).
 */
public final class QueueForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(QueueForwarder.class);
    /** The source of the dead letters of refused points: not a decode failure of any device input. */
    public static final String DEAD_LETTER_SOURCE = "influx";
    static final int POISON_ATTEMPTS = 4;
    /** A point written later than this after it was queued counts as replayed (it waited out an outage or restart). */
    static final long REPLAY_AGE_MS = 5_000;
    /** How long what a full batch left waits for the next batch to fill. */
    static final long DRAIN_LINGER_MS = 100;

    private final Vertx vertx;
    private final DiskQueue queue;
    private final BatchWriter writer;
    private final DeadLetters deadLetters;
    private final int batchSize;
    private final long lingerMs;
    private final Clock clock;
    private final RetryBackoff backoff;
    private final WorkerExecutor worker;
    private final String target;
    private final TargetStats stats;

    private final Deque<List<QueuedRecord>> parts = new ArrayDeque<>();
    private boolean busy;
    private boolean stopped;
    /** Waiting for a batch to fill: cut short by a full batch. */
    private long lingerTimer = -1;
    /** When the last batch was read for writing: a trickle lingers only until a linger has passed since then. */
    private long lastPullMillis = Long.MIN_VALUE / 2;
    /** The last batch read was a full one: the queue is draining, so what is left after it lingers only briefly. */
    private boolean lastWasFull;
    /** A retry's back-off: never cut short. */
    private long retryTimer = -1;
    private int attempts;
    /** The parts come from splitting a poison batch: a 5xx on one of them splits it again at once. */
    private boolean suspect;
    private boolean failing;
    private long rateSince;
    private long rateCount;

    /** The forwarder of the queue's first (with the single-target form: only) target. */
    public QueueForwarder(Vertx vertx, DiskQueue queue, BatchWriter writer, DeadLetters deadLetters, int batchSize,
                          Duration linger, Clock clock, RetryBackoff backoff) {
        this(vertx, queue, queue.targets().get(0), writer, deadLetters, batchSize, linger, clock, backoff);
    }

    /** The forwarder of {@code target}: reads from its position, writes with {@code writer}, commits its position. */
    public QueueForwarder(Vertx vertx, DiskQueue queue, String target, BatchWriter writer, DeadLetters deadLetters,
                          int batchSize, Duration linger, Clock clock, RetryBackoff backoff) {
        this.vertx = vertx;
        this.queue = queue;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.batchSize = batchSize;
        this.lingerMs = Math.max(1, linger.toMillis());
        this.clock = clock;
        this.backoff = backoff;
        this.target = target;
        this.stats = queue.stats().target(target);
        // its own thread: a target that hangs until its timeout delays no other target's writes
        this.worker = vertx.createSharedWorkerExecutor(InfluxOptions.SINGLE_TARGET.equals(target)
                ? "linli-influx-writer" : "linli-influx-writer-" + target, 1);
        this.rateSince = clock.millis();
    }

    public void start() {
        queue.onAppended(this::wake);
        pull();
    }

    /**
     * New points were queued: write them now if a batch is full or nothing was written for a linger (the first points
     * after start-up or a quiet spell); else once a linger has passed since the last write, so that a trickle makes at
     * most one request per linger and batches stay large, or after {@value #DRAIN_LINGER_MS} ms if the last write was
     * a full batch (a drain: the next batch fills in that time, and its end does not wait a whole linger). A batch
     * that fills while the linger runs is written at once: waiting it out behind a full batch held a drain's first
     * write for a whole flush interval (BENCHMARKS.md, cold start).
     */
    private void wake() {
        if (busy || stopped || stats.depthPoints() == 0) {
            return;
        }
        long wait = lastPullMillis + (lastWasFull ? Math.min(lingerMs, DRAIN_LINGER_MS) : lingerMs) - clock.millis();
        if (stats.depthPoints() >= batchSize || (wait <= 0 && lingerTimer < 0 && retryTimer < 0)) {
            if (lingerTimer >= 0) {
                vertx.cancelTimer(lingerTimer);
                lingerTimer = -1;
            }
            pull();
        } else if (lingerTimer < 0 && retryTimer < 0) {
            lingerTimer = vertx.setTimer(Math.min(wait, lingerMs), id -> {
                lingerTimer = -1;
                pull();
            });
        }
    }

    private void pull() {
        if (busy || stopped || lingerTimer >= 0 || retryTimer >= 0) {
            return;
        }
        busy = true;
        queue.next(target, batchSize).onComplete(ar -> {
            if (ar.failed()) {
                LOG.error("queue: cannot read the head of the queue: {}", ar.cause().toString());
                busy = false;
                retryAfter(Duration.ofSeconds(5));
                return;
            }
            if (ar.result().isEmpty()) {
                busy = false;
                return; // woken by the next commit
            }
            lastPullMillis = clock.millis();
            lastWasFull = ar.result().size() >= batchSize;
            parts.add(ar.result());
            send();
        });
    }

    private void send() {
        List<QueuedRecord> part = parts.peekFirst();
        List<byte[]> lines = new ArrayList<>(part.size());
        part.forEach(r -> lines.add(r.utf8()));
        stats.writeRequests.increment();
        worker.<WriteOutcome>executeBlocking(() -> writer.writeUtf8(lines), true).onComplete(ar -> {
            WriteOutcome outcome = ar.succeeded() ? ar.result()
                    : new WriteOutcome.RetryLater(0, "writer failed: " + ar.cause(), null);
            handle(part, outcome);
        });
    }

    private void handle(List<QueuedRecord> part, WriteOutcome outcome) {
        if (outcome instanceof WriteOutcome.Accepted) {
            accepted(part);
            done(part);
        } else if (outcome instanceof WriteOutcome.Rejected r) {
            drop(part, QueueStats.REJECTED, "server_rejected_" + r.status(), r.reason(), r.status());
            done(part);
        } else if (outcome instanceof WriteOutcome.TooLarge) {
            split(part, QueueStats.TOO_LARGE_POINT, 413, "a single point is larger than the server accepts");
        } else if (outcome instanceof WriteOutcome.RetryLater r) {
            stats.lastStatus = r.status();
            stats.lastError = r.reason();
            if (blamesTheBatch(r) && (suspect || ++attempts >= POISON_ATTEMPTS)) {
                suspect = true;
                split(part, QueueStats.POISON, r.status(), "failed " + attempts + " times: " + r.reason());
                return;
            }
            stats.retries.increment();
            if (!failing) {
                failing = true;
                stats.writesFailing = true;
                LOG.warn("time-series write to target {} failed ({}); {} points kept in the queue for it, retrying "
                        + "with back-off", target, r.reason(), stats.depthPoints());
            }
            retryAfter(backoff.next(r.serverDelay()));
        }
    }

    /** A plain 500 (or other 5xx that is not "unavailable") may be caused by what is in this batch. */
    private static boolean blamesTheBatch(WriteOutcome.RetryLater r) {
        return r.status() >= 500 && r.status() != 502 && r.status() != 503 && r.status() != 504;
    }

    private void split(List<QueuedRecord> part, String reason, int status, String why) {
        parts.pollFirst();
        attempts = 0;
        if (part.size() == 1) {
            parts.addFirst(part);
            drop(part, reason, "server_rejected_" + status, why, status);
            done(part);
            return;
        }
        stats.splits.increment();
        int half = part.size() / 2;
        parts.addFirst(new ArrayList<>(part.subList(half, part.size())));
        parts.addFirst(new ArrayList<>(part.subList(0, half)));
        send();
    }

    private void accepted(List<QueuedRecord> part) {
        long now = clock.millis();
        stats.acceptedPoints.add(part.size());
        stats.acceptedBatches.increment();
        long replayed = part.stream().filter(r -> now - r.appendedMillis() >= REPLAY_AGE_MS).count();
        stats.replayedPoints.add(replayed);
        rateCount += replayed;
        if (now - rateSince >= 2_000) {
            stats.replayRate = rateCount * 1000.0 / (now - rateSince);
            rateSince = now;
            rateCount = 0;
        }
        backoff.reset();
        if (failing) {
            failing = false;
            stats.writesFailing = false;
            LOG.info("time-series writes to target {} accepted again; replaying {} queued points", target,
                    stats.depthPoints());
        }
    }

    private void drop(List<QueuedRecord> part, String reason, String deadLetterReason, String why, int status) {
        stats.dropped(reason, part.size());
        stats.lastStatus = status;
        stats.lastError = why;
        LOG.warn("time-series target {} refused a batch of {} points ({}); dead-lettered", target, part.size(), why);
        List<String> lines = new ArrayList<>(part.size());
        part.forEach(r -> lines.add(r.line()));
        deadLetters.record(DEAD_LETTER_SOURCE, InfluxOptions.SINGLE_TARGET.equals(target) ? "write" : "write:" + target,
                String.join("\n", lines), deadLetterReason, why);
    }

    /** The head part is finished: move the acknowledged position past it and go on. */
    private void done(List<QueuedRecord> part) {
        parts.pollFirst();
        attempts = 0;
        queue.ack(target, part).onComplete(ar -> {
            if (ar.failed()) {
                LOG.error("queue: cannot store the acknowledged position: {}", ar.cause().toString());
            }
            if (!parts.isEmpty()) {
                send();
            } else {
                busy = false;
                suspect = false;
                if (stats.depthPoints() == 0) {
                    stats.replayRate = 0;
                }
                wake();
            }
        });
    }

    private void retryAfter(Duration delay) {
        retryTimer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> {
            retryTimer = -1;
            if (!parts.isEmpty()) {
                send(); // the same batch again: its segments stay protected from the quota meanwhile
            } else {
                pull();
            }
        });
    }

    public void stop() {
        stopped = true;
        for (long t : new long[]{lingerTimer, retryTimer}) {
            if (t >= 0) {
                vertx.cancelTimer(t);
            }
        }
        lingerTimer = -1;
        retryTimer = -1;
        worker.close();
    }
}
