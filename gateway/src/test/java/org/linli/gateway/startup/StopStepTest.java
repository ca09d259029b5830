package org.linli.gateway.startup;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stop step that hangs, fails or throws does not keep the steps after it from running. */
class StopStepTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aStepThatNeverCompletesIsLeftAfterItsLimitAndTheNextStepRuns() throws Exception {
        List<String> ran = new ArrayList<>();
        Future<Void> stop = vertx.<Void>executeBlocking(() -> null).compose(v ->
                StopStep.run("stuck", Duration.ofMillis(200), () -> {
                    ran.add("stuck");
                    return Promise.promise().future();   // never completes
                }).eventually(() -> StopStep.run("next", Duration.ofSeconds(5), () -> {
                    ran.add("next");
                    return Future.succeededFuture();
                })));
        stop.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(List.of("stuck", "next"), ran);
    }

    @Test
    void aStepThatFailsOrThrowsCountsAsDoneAndTheStopSucceeds() throws Exception {
        Future<Void> failed = StopStep.run("failing", Duration.ofSeconds(5), () -> Future.failedFuture("disk gone"));
        Future<Void> thrown = StopStep.run("throwing", Duration.ofSeconds(5), () -> {
            throw new IllegalStateException("not open");
        });
        failed.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        thrown.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertTrue(failed.succeeded() && thrown.succeeded());
    }
}
