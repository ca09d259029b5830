package org.linli.gateway.uplink;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Decides when the compound summary goes out: once a second it builds the summary and publishes it when its content
 * (everything but {@code at}) changed and the last one is at least {@link #MIN_GAP_MS} old (so a flapping device
 * costs at most one summary per 2 s), when the last one is {@code summarySeconds} old, or right after a (re)connect
 * ({@link #publishSoon()}). The last one built is kept for the publisher to send first on its next connect and for
 * the farewell of a clean stop. Runs on the gateway's event loop (its timer); {@link #last()} is read from any thread.
 */
final class SummaryLoop {
    static final long MIN_GAP_MS = 2_000;

    private final Vertx vertx;
    private final CompoundSummary summary;
    private final Predicate<String> publish;
    private final long periodMs;
    private final Clock clock;
    final LongAdder published = new LongAdder();
    private volatile JsonObject last;
    private String lastContent;
    private long lastPublishedAt = Long.MIN_VALUE / 2;
    private boolean force = true;
    private long timer = -1;

    /** {@code publish} sends one summary and says whether it went out (false: not connected). */
    SummaryLoop(Vertx vertx, CompoundSummary summary, Predicate<String> publish, int summarySeconds, Clock clock) {
        this.vertx = vertx;
        this.summary = summary;
        this.publish = publish;
        this.periodMs = summarySeconds * 1000L;
        this.clock = clock;
    }

    /** Builds the first summary at once (so the first connect has one to send) and starts the 1 s timer. */
    void start() {
        last = summary.build();
        timer = vertx.setPeriodic(1000, id -> tick());
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** The next tick publishes whatever the content (called on the event loop after a connect). */
    void publishSoon() {
        force = true;
        tick();
    }

    /** The last summary built, or null before {@link #start()}. */
    JsonObject last() {
        return last;
    }

    void tick() {
        JsonObject now = summary.build();
        last = now;
        String content = now.copy().put("at", "").encode();
        long t = clock.millis();
        boolean changed = !content.equals(lastContent);
        boolean due = force || t - lastPublishedAt >= periodMs || (changed && t - lastPublishedAt >= MIN_GAP_MS);
        if (due && publish.test(now.encode())) {
            force = false;
            lastContent = content;
            lastPublishedAt = t;
            published.increment();
        }
    }
}
