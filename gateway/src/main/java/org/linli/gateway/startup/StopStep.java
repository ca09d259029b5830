package org.linli.gateway.startup;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One step of a gateway's stop, bounded: a component that does not finish closing in its time (a peer that never
 * answers a DISCONNECT, a thread stuck in a library) is logged by name and the stop goes on with the next one, so a
 * stop never hangs and the log says which part overran. Whatever a step left unfinished is what a SIGKILL would have
 * left: the queue and the outbox are durable before anything is acknowledged, so nothing is lost.
 */
public final class StopStep {
    private static final Logger LOG = LoggerFactory.getLogger(StopStep.class);

    private StopStep() {
    }

    /** Runs {@code step} (when there is something to close) and completes once it has, failed or overran. */
    public static Future<Void> run(String name, Duration limit, Supplier<Future<?>> step) {
        Future<?> f;
        try {
            f = step.get();
        } catch (RuntimeException e) {
            LOG.warn("stop: {} failed: {}", name, e.toString());
            return Future.succeededFuture();
        }
        return f.timeout(limit.toMillis(), TimeUnit.MILLISECONDS).<Void>mapEmpty().recover(e -> {
            if (e instanceof TimeoutException) {   // what Future.timeout fails with
                LOG.warn("stop: {} did not finish within {} ms; going on without it", name, limit.toMillis());
            } else {
                LOG.warn("stop: {} failed: {}", name, e.toString());
            }
            return Future.succeededFuture();
        });
    }
}
