package org.linli.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How late the gateway's event loop runs a timer: every second a one-shot timer is set, and how much later than due
 * it fires is recorded. Something blocking the loop (a slow handler, a long GC pause) shows as lag; measuring costs
 * one timer a second and never blocks. Create and start it on the gateway's context: the timers fire there.
 */
public final class EventLoopLag {
    static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(5)};

    private final Vertx vertx;
    private final long intervalMs;
    private final Timer lag;
    private long timer = -1;
    private boolean stopped;

    public EventLoopLag(Vertx vertx, Duration interval, MeterRegistry registry) {
        this.vertx = vertx;
        this.intervalMs = interval.toMillis();
        this.lag = Timer.builder("linli.event.loop.lag")
                .description("How much later than due a timer on the gateway's event loop fired")
                .serviceLevelObjectives(BUCKETS).register(registry);
    }

    public EventLoopLag start() {
        schedule();
        return this;
    }

    private void schedule() {
        long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(intervalMs);
        timer = vertx.setTimer(intervalMs, id -> {
            lag.record(Math.max(0, System.nanoTime() - due), TimeUnit.NANOSECONDS);
            if (!stopped) {
                schedule();
            }
        });
    }

    public void stop() {
        stopped = true;
        vertx.cancelTimer(timer);
    }
}
