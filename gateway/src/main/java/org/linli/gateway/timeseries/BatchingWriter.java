package org.linli.gateway.timeseries;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.linli.gateway.pipeline.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Collects points into batches and writes them one batch at a time, in order, on a single worker thread. The
 * typed {@link WriteOutcome} decides the batch's fate: accepted leaves, rejected is counted and dead-lettered,
 * too-large is split, retry-later stays at the head and waits (so order is kept and nothing storms the server).
 * All state is confined to the event loop; only {@link BatchWriter#write} runs on the worker.
 * <p>
 * Memory-bounded: past {@code maxBuffered} points the oldest buffered points are dropped and counted. The durable
 * disk queue of issue 6 replaces that bound with a disk quota.
 */
public final class BatchingWriter implements TelemetrySink {
    private static final Logger LOG = LoggerFactory.getLogger(BatchingWriter.class);

    private final Vertx vertx;
    private final BatchWriter writer;
    private final WorkerExecutor worker;
    private final DeadLetters deadLetters;
    private final int batchSize;
    private final long lingerMs;
    private final int maxBuffered;
    private final RetryBackoff backoff = RetryBackoff.standard();
    private final WriterStats stats = new WriterStats();

    private final Deque<String> pending = new ArrayDeque<>();
    private final Deque<List<String>> retryFirst = new ArrayDeque<>();
    private int retryPoints;
    private boolean inFlight;
    private long lingerTimer = -1;
    private long retryTimer = -1;
    private boolean failing;

    public BatchingWriter(Vertx vertx, BatchWriter writer, DeadLetters deadLetters, int batchSize, Duration linger,
                          int maxBuffered) {
        this.vertx = vertx;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.batchSize = batchSize;
        this.lingerMs = Math.max(1, linger.toMillis());
        this.maxBuffered = maxBuffered;
        this.worker = vertx.createSharedWorkerExecutor("linli-influx-writer", 1);
    }

    @Override
    public Future<Void> offer(List<String> lines) {
        pending.addAll(lines);
        int over = buffered() - maxBuffered;
        for (int i = 0; i < over && !pending.isEmpty(); i++) {
            pending.pollFirst();
            stats.droppedOverflowPoints++;
        }
        if (pending.size() >= batchSize) {
            flush();
        } else if (lingerTimer < 0 && retryTimer < 0) {
            lingerTimer = vertx.setTimer(lingerMs, id -> {
                lingerTimer = -1;
                flush();
            });
        }
        return Future.succeededFuture();
    }

    public int buffered() {
        return pending.size() + retryPoints;
    }

    public WriterStats stats() {
        return stats;
    }

    /** Completes when everything buffered has been written or given up on, or after {@code timeout}. */
    public Future<Void> drain(Duration timeout) {
        Promise<Void> done = Promise.promise();
        long deadline = System.nanoTime() + timeout.toNanos();
        vertx.setPeriodic(0, 20, id -> {
            if (buffered() == 0 && !inFlight || System.nanoTime() > deadline) {
                vertx.cancelTimer(id);
                done.tryComplete();
            } else if (!inFlight && retryTimer < 0) {
                flush();
            }
        });
        return done.future();
    }

    public Future<Void> close(Duration timeout) {
        return drain(timeout).eventually(() -> worker.close());
    }

    private void flush() {
        if (inFlight || retryTimer >= 0) {
            return;
        }
        List<String> batch = nextBatch();
        if (batch.isEmpty()) {
            return;
        }
        inFlight = true;
        long start = System.nanoTime();
        worker.<WriteOutcome>executeBlocking(() -> writer.write(batch), true).onComplete(ar -> {
            inFlight = false;
            stats.lastLatencyMicros = (System.nanoTime() - start) / 1000;
            WriteOutcome outcome = ar.succeeded() ? ar.result()
                    : new WriteOutcome.RetryLater(0, "writer failed: " + ar.cause(), null);
            handle(batch, outcome);
        });
    }

    private List<String> nextBatch() {
        List<String> head = retryFirst.pollFirst();
        if (head != null) {
            retryPoints -= head.size();
            return head;
        }
        int n = Math.min(batchSize, pending.size());
        List<String> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(pending.pollFirst());
        }
        return batch;
    }

    private void handle(List<String> batch, WriteOutcome outcome) {
        if (outcome instanceof WriteOutcome.Accepted) {
            stats.acceptedPoints += batch.size();
            stats.acceptedBatches++;
            backoff.reset();
            if (failing) {
                failing = false;
                LOG.info("InfluxDB writes accepted again; {} points buffered", buffered());
            }
            continueFlushing();
        } else if (outcome instanceof WriteOutcome.Rejected r) {
            stats.rejectedPoints += batch.size();
            stats.lastStatus = r.status();
            stats.lastError = r.reason();
            LOG.warn("InfluxDB rejected a batch of {} points ({}); dead-lettered", batch.size(), r.reason());
            deadLetters.record("influx", "write", String.join("\n", batch), "server_rejected_" + r.status(), r.reason());
            continueFlushing();
        } else if (outcome instanceof WriteOutcome.TooLarge) {
            stats.splits++;
            if (batch.size() == 1) {
                handle(batch, new WriteOutcome.Rejected(413, "a single point is larger than the server accepts"));
                return;
            }
            int half = batch.size() / 2;
            requeueFirst(new ArrayList<>(batch.subList(half, batch.size())));
            requeueFirst(new ArrayList<>(batch.subList(0, half)));
            continueFlushing();
        } else if (outcome instanceof WriteOutcome.RetryLater r) {
            stats.retries++;
            stats.lastStatus = r.status();
            stats.lastError = r.reason();
            requeueFirst(batch);
            Duration delay = backoff.next(r.serverDelay());
            if (!failing) {
                failing = true;
                LOG.warn("InfluxDB write failed ({}); keeping {} points and retrying with back-off", r.reason(), buffered());
            }
            retryTimer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> {
                retryTimer = -1;
                flush();
            });
        }
    }

    private void requeueFirst(List<String> batch) {
        retryFirst.addFirst(batch);
        retryPoints += batch.size();
    }

    private void continueFlushing() {
        if (!retryFirst.isEmpty() || pending.size() >= batchSize) {
            flush();
        } else if (!pending.isEmpty() && lingerTimer < 0) {
            lingerTimer = vertx.setTimer(lingerMs, id -> {
                lingerTimer = -1;
                flush();
            });
        }
    }
}
