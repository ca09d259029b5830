package org.linli.gateway.notify;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.awaitility.Awaitility;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.config.NotifyChannelOptions;
import org.linli.gateway.config.NotifyOptions;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A notifier built from options the way the gateway builds it, confined to its own event-loop context, with helpers
 * to feed it alerts and to wait (bounded) for a condition checked on that context. Tests block on futures: the test
 * thread is not an event loop.
 */
final class NotifyFixture {
    static final String PUBLIC = "http://gw.example:8080";

    final Vertx vertx;
    final Context ctx;
    Notifier notifier;

    private NotifyFixture(Vertx vertx) {
        this.vertx = vertx;
        this.ctx = vertx.getOrCreateContext();
    }

    static NotifyFixture create(Vertx vertx, NotifyOptions options, Map<String, String> env, NotifyTiming timing) {
        NotifyFixture f = new NotifyFixture(vertx);
        f.call(() -> f.notifier = NotifierFactory.create(vertx, options, env::get, Clock.systemUTC(), PUBLIC,
                (topic, payload, qos, retained) -> Future.succeededFuture(), "linli/alerts", timing));
        return f;
    }

    static NotifyTiming timing(Duration window, Duration retryInitial) {
        return new NotifyTiming(window, retryInitial, retryInitial.multipliedBy(8));
    }

    static NotifyChannelOptions wecom(String id, String baseUrl, int rate, String fallback, int maxAttempts) {
        return NotifyChannelOptions.wecom(id, "WECOM_KEY").withBaseUrl(baseUrl)
                .withRatePerMinute(rate).withFallback(fallback).withAttempts(maxAttempts, 2000);
    }

    static NotifyChannelOptions dingtalk(String id, String baseUrl, String fallback) {
        return NotifyChannelOptions.dingtalk(id, "DT_TOKEN", "DT_SECRET")
                .withBaseUrl(baseUrl).withFallback(fallback).withAttempts(3, 2000);
    }

    static NotifyChannelOptions fallbackOnly(NotifyChannelOptions c) {
        return c.withFallbackOnly(true);
    }

    static final Map<String, String> ENV = Map.of("WECOM_KEY", "wk-693a91f6", "DT_TOKEN", "dt-token-1",
            "DT_SECRET", "SECd4f5e6a7b8c9", "HOOK_URL", "", "HOOK_SECRET", "hook-secret");

    void raise(List<Alert> alerts) {
        call(() -> {
            alerts.forEach(a -> notifier.onAlert(a, true));
            return null;
        });
    }

    void raise(Alert a, boolean isNew) {
        call(() -> {
            notifier.onAlert(a, isNew);
            return null;
        });
    }

    /** Runs on the notifier's context and returns the result. */
    <T> T call(Supplier<T> what) {
        Promise<T> p = Promise.promise();
        ctx.runOnContext(v -> {
            try {
                p.complete(what.get());
            } catch (RuntimeException e) {
                p.fail(e);
            }
        });
        return await(p.future(), Duration.ofSeconds(10));
    }

    /** Waits until {@code condition} (checked on the notifier's context every 20 ms) holds, or fails after {@code max}. */
    void until(BooleanSupplier condition, Duration max, String what) {
        Awaitility.await(what).atMost(max).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> call(condition::getAsBoolean));
    }

    /**
     * Checks that {@code condition} (on the notifier's context) stays true for all of {@code period}: how a test says
     * that something did NOT happen, such as no message sent once a timer that would send it has had time to fire.
     */
    void holds(BooleanSupplier condition, Duration period, String what) {
        Awaitility.await(what).during(period).atMost(period.plusSeconds(5)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20)).until(() -> call(condition::getAsBoolean));
    }

    static <T> T await(Future<T> f, Duration max) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
