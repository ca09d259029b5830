package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.btc.BlockedThreadEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A Vert.x on which a blocked event loop is a test failure, for the hostile-input tests: Vert.x's blocked-thread
 * checker looks every {@link #CHECK_INTERVAL} for an event-loop task running longer than {@link #MAX_EVENT_LOOP_TASK},
 * and every such report after {@link #startWatching()} makes {@link #assertNoneBlocked()} fail, naming the thread and
 * where it was. (Vert.x's own warning goes to its logger; this takes the checker's handler instead, which does not
 * depend on the logging backend.) Start-up is not watched: loading classes once may take longer than a task may.
 * The checker's timer thread reports; the record is thread-safe.
 */
public final class EventLoopWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoopWatch.class);
    public static final Duration MAX_EVENT_LOOP_TASK = Duration.ofMillis(200);
    public static final Duration CHECK_INTERVAL = Duration.ofMillis(50);
    private static final int KEPT = 10;

    private final Vertx vertx;
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final AtomicLong count = new AtomicLong();
    private volatile boolean watching;

    public EventLoopWatch() {
        vertx = Vertx.vertx(new VertxOptions()
                .setMaxEventLoopExecuteTime(MAX_EVENT_LOOP_TASK.toMillis())
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(CHECK_INTERVAL.toMillis())
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
        ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(this::blocked);
    }

    public Vertx vertx() {
        return vertx;
    }

    /** From now on a blocked event loop fails the test. */
    public void startWatching() {
        watching = true;
    }

    /** Fails with the first reports if any event-loop task ran past the limit since {@link #startWatching()}. */
    public void assertNoneBlocked() {
        if (count.get() > 0) {
            fail(count.get() + " blocked-thread reports (an event-loop task over " + MAX_EVENT_LOOP_TASK.toMillis()
                    + " ms); the first:\n" + String.join("\n", reports));
        }
    }

    private void blocked(BlockedThreadEvent e) {
        String report = e.thread().getName() + " blocked for " + TimeUnit.NANOSECONDS.toMillis(e.duration()) + " ms at\n    "
                + Arrays.stream(e.thread().getStackTrace()).limit(12).map(Object::toString).collect(Collectors.joining("\n    "));
        if (!watching) {
            LOG.debug("(start-up, not counted) {}", report);
            return;
        }
        LOG.warn(report);
        if (count.incrementAndGet() <= KEPT) {
            reports.add(report);
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
