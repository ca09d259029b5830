package org.linli.gateway.queue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Tests: runs an action on the event loop (the queue and its forwarders are confined to it) and waits for its result. */
final class OnLoop {
    private OnLoop() {
    }

    static <T> T get(Vertx vertx, Supplier<Future<T>> action) throws Exception {
        return get(vertx::runOnContext, action);
    }

    static <T> T get(Context context, Supplier<Future<T>> action) throws Exception {
        return get(context::runOnContext, action);
    }

    private static <T> T get(Consumer<Handler<Void>> loop, Supplier<Future<T>> action) throws Exception {
        CompletableFuture<T> r = new CompletableFuture<>();
        loop.accept(v -> action.get().onComplete(ar -> {
            if (ar.succeeded()) {
                r.complete(ar.result());
            } else {
                r.completeExceptionally(ar.cause());
            }
        }));
        return r.get(30, TimeUnit.SECONDS);
    }
}
