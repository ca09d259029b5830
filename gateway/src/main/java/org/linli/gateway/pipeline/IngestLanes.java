package org.linli.gateway.pipeline;

import io.vertx.core.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Carries raw messages from a source's thread through the {@link Pipeline} with decoding on every core and alarms
 * first (docs/ARCHITECTURE.md, "The path of an MQTT message"):
 * <ol>
 *   <li>{@link #submit} (Paho's callback thread) puts the message on the queue of the decode worker its device is
 *       pinned to (hash of the device id), in the urgent lane if {@link Pipeline#mayCarryAlarm} says so;</li>
 *   <li>each worker thread ({@code linli-decode-N}) runs {@link Pipeline#prepare} (JSON decoding, the profile's
 *       rules, the readings' line protocol) and hands the result to one shared, laned hand-back queue;</li>
 *   <li>the event loop drains the hand-back queue, urgent items first, bulk items in chunks of {@value #CHUNK} (then
 *       it yields to the other work of the loop and comes back), and runs {@link Pipeline#apply}; when the sink has
 *       taken the points the message's {@code taken} runs, else its {@code notTaken}: exactly one of them, once.</li>
 * </ol>
 * Per-device order holds end to end: a device's messages go through one worker in order, and both queues keep each
 * device's items in order, an urgent item promoting its device's waiting bulk items ahead of itself
 * ({@link LanedQueue}). Nothing here waits for a later message to finish an earlier one.
 */
public final class IngestLanes {
    private static final Logger LOG = LoggerFactory.getLogger(IngestLanes.class);
    /** Bulk messages applied per event-loop turn: small enough that the loop's other work is never starved. */
    static final int CHUNK = 128;

    /** What the source does once the message is taken or not: exactly one of the two runs, once. */
    public interface Outcome {
        void taken();

        void notTaken();
    }

    /** A message to decode, or (message null) a task to run on the worker itself, such as the warm-up. */
    private record Job(IncomingMessage message, boolean urgent, Outcome outcome, Runnable task) {
        Job(IncomingMessage message, boolean urgent, Outcome outcome) {
            this(message, urgent, outcome, null);
        }
    }

    private record Ready(Prepared prepared, Outcome outcome) {
    }

    private final Context context;
    private final Pipeline pipeline;
    private final Consumer<IncomingMessage> onApplied;
    private final List<LanedQueue<Job>> workerQueues = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final LanedQueue<Ready> handBack = new LanedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile boolean running = true;

    /**
     * {@code decodeThreads} workers (at least 1); {@code onApplied} runs on the event loop for every message as it is
     * applied (the MQTT watchdog's "a message arrived").
     */
    public IngestLanes(Context context, Pipeline pipeline, int decodeThreads, Consumer<IncomingMessage> onApplied) {
        this.context = context;
        this.pipeline = pipeline;
        this.onApplied = onApplied;
        int n = Math.max(1, decodeThreads);
        for (int i = 0; i < n; i++) {
            LanedQueue<Job> q = new LanedQueue<>();
            workerQueues.add(q);
            Thread t = new Thread(() -> work(q), "linli-decode-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    /** The default worker count: every core, at most 4 (the event loop and Paho need theirs too). */
    public static int defaultThreads() {
        return org.linli.gateway.config.PipelineOptions.defaultDecodeThreads();
    }

    /** Any thread (Paho's): classifies and queues the message for its device's worker; never blocks. */
    public void submit(IncomingMessage msg, Outcome outcome) {
        boolean urgent = pipeline.mayCarryAlarm(msg);
        String key = msg.deviceId();
        int worker = key == null ? 0 : Math.floorMod(key.hashCode(), workerQueues.size());
        workerQueues.get(worker).offer(key, urgent, new Job(msg, urgent, outcome));
    }

    private void work(LanedQueue<Job> queue) {
        while (running) {
            Job job;
            try {
                job = queue.take(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (job == null) {
                continue;
            }
            if (job.task() != null) {
                job.task().run();
                continue;
            }
            Prepared p = pipeline.prepare(job.message());
            handBack.offer(job.message().deviceId(), job.urgent(), new Ready(p, job.outcome()));
            scheduleDrain();
        }
    }

    /**
     * Runs {@code task} once on every decode worker (in turn with the messages queued there), e.g. the start-up
     * warm-up ({@link DecodeWarmUp}); the future completes, on the last worker to finish, when all have run. A task
     * that throws completes the future exceptionally; the worker carries on.
     */
    public java.util.concurrent.CompletableFuture<Void> onEveryWorker(Runnable task) {
        List<java.util.concurrent.CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < workerQueues.size(); i++) {
            java.util.concurrent.CompletableFuture<Void> f = new java.util.concurrent.CompletableFuture<>();
            done.add(f);
            workerQueues.get(i).offer("\u0000worker-task-" + i, false, new Job(null, false, null, () -> {
                try {
                    task.run();
                    f.complete(null);
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            }));
        }
        return java.util.concurrent.CompletableFuture.allOf(done.toArray(java.util.concurrent.CompletableFuture[]::new));
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    /** Event loop: every urgent item, and bulk items up to a chunk; then yields if more wait. */
    private void drain() {
        int applied = 0;
        Ready r;
        while (applied < CHUNK && (r = handBack.poll()) != null) {
            apply(r);                                         // poll() gives urgent items first, between any two
            applied++;
        }
        drainScheduled.set(false);
        if (!handBack.isEmpty()) {
            scheduleDrain();                                  // a later turn: the loop's other tasks run first
        }
    }

    private void apply(Ready r) {
        IncomingMessage msg = r.prepared().message();
        try {
            onApplied.accept(msg);
            pipeline.apply(r.prepared()).onComplete(ar -> {
                if (ar.succeeded()) {
                    r.outcome().taken();
                } else {
                    // not taken: left unacknowledged so the broker redelivers it after the next reconnect
                    LOG.error("pipeline did not take message on {}: {}", msg.topic(), ar.cause().toString());
                    r.outcome().notTaken();
                }
            });
        } catch (RuntimeException e) {
            LOG.error("pipeline failed on message on {}: {}", msg.topic(), e.toString());
            r.outcome().notTaken();
        }
    }

    /** {@code decodeThreads}, and the messages decoded and waiting for the event loop by lane, for /api/status. */
    public io.vertx.core.json.JsonObject status() {
        return new io.vertx.core.json.JsonObject().put("decodeThreads", workers.size())
                .put("waitingBulk", waitingBulk()).put("waitingUrgent", waitingUrgent());
    }

    /** The decode workers' count. */
    public int workerCount() {
        return workers.size();
    }

    /** Messages decoded and waiting for the event loop, by lane: for status and tests. */
    public int waitingBulk() {
        return handBack.bulkSize();
    }

    public int waitingUrgent() {
        return handBack.urgentSize();
    }

    /** Tests only: holds (or releases) the bulk lane of the hand-back to the event loop; urgent items still pass. */
    public void holdBulk(boolean hold) {
        handBack.holdBulk(hold);
        if (!hold) {
            scheduleDrain();
        }
    }

    /** Stops the workers; messages still queued are neither taken nor acknowledged (the broker redelivers them). */
    public void stop() {
        running = false;
        workers.forEach(Thread::interrupt);
        for (LanedQueue<Job> q : workerQueues) {
            for (Job j; (j = q.poll()) != null; ) {
                if (j.outcome() != null) {
                    j.outcome().notTaken();
                }
            }
        }
    }
}
