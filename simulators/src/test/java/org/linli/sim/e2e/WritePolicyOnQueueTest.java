package org.linli.sim.e2e;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.QueueOptions;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.queue.QueueStats;
import org.linli.gateway.queue.StoreAndForward;
import org.linli.gateway.timeseries.InfluxLineWriter;
import org.linli.gateway.timeseries.PointBatch;
import org.linli.sim.servers.QuestDbServer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FIELD-NOTES §2 on the durable queue: a real server behind a proxy that throttles, fails and refuses. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WritePolicyOnQueueTest {
    private Vertx vertx;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private <T> T onLoop(Supplier<Future<T>> action) throws Exception {
        CompletableFuture<T> r = new CompletableFuture<>();
        vertx.runOnContext(v -> action.get().onComplete(ar -> {
            if (ar.succeeded()) {
                r.complete(ar.result());
            } else {
                r.completeExceptionally(ar.cause());
            }
        }));
        return r.get(30, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("429 with Retry-After, 503, 413, 400 and a poison 500: bounded requests, every good point stored once, nothing stuck")
    void policyOnTheQueue(@TempDir Path dir) throws Exception {
        try (QuestDbServer db = new QuestDbServer(dir.resolve("questdb")).start();
             FaultInjectingProxy proxy = new FaultInjectingProxy(vertx, db.port());
             InfluxLineWriter influx = new InfluxLineWriter(proxy.url(), "linli", "policy", "t".toCharArray(), Duration.ofSeconds(10))) {
            // GIVEN a queue whose forwarder writes through the proxy, which throttles every write with Retry-After: 1
            proxy.fault(body -> new FaultInjectingProxy.Fault(429, "1"));
            DeadLetters deadLetters = DeadLetters.inMemory(Clock.systemUTC());
            StoreAndForward store = onLoop(() -> StoreAndForward.start(vertx, QueueOptions.defaults()
                    .withDir(dir.resolve("queue").toString()).withFsyncEveryMs(2),
                    dir.toString(), InfluxOptions.of(proxy.url(), "linli", "policy").withBatch(500, 50), influx,
                    deadLetters, Clock.systemUTC()));
            QueueStats stats = store.stats();

            // WHEN 3,000 points are offered, one of them poison for a 400 and one poison for a 500
            int total = 3000;
            long t0 = 1_700_000_000_000L;
            for (int i = 0; i < total; i += 10) {
                List<String> offer = new ArrayList<>();
                for (int k = i; k < i + 10; k++) {
                    String extra = k == 1234 ? ",poison400=1i" : k == 2345 ? ",poison500=1i" : "";
                    offer.add("policy_test,src=t v=" + k + "i" + extra + " " + (t0 + k));
                }
                onLoop(() -> store.queue().offer(PointBatch.telemetry(offer)));
            }
            assertEquals(total, stats.depthPoints(), "all durable in the queue while the server throttles");
            Thread.sleep(2500);
            int throttled = proxy.writes.get();

            // AND then the server is unavailable (503, no Retry-After) for a while
            proxy.fault(body -> new FaultInjectingProxy.Fault(503, null));
            Thread.sleep(3000);
            int unavailable = proxy.writes.get() - throttled;

            // AND then it takes at most 50 points per request, rejects the poison400 point and fails on the poison500 one
            // (like a real server, the size limit is checked before the content)
            proxy.fault(body -> body.split("\n").length > 50 ? new FaultInjectingProxy.Fault(413, null)
                    : body.contains("poison400") ? new FaultInjectingProxy.Fault(400, null)
                    : body.contains("poison500") ? new FaultInjectingProxy.Fault(500, null) : null);
            E2eHarness.await("queue drained", Duration.ofSeconds(60), () -> stats.depthPoints() == 0, () -> stats.toJson(0).encode());

            // THEN the throttled and unavailable phases cost a handful of requests each (Retry-After honoured, back-off)
            assertTrue(throttled <= 4, "requests in 2.5 s of 429 Retry-After: 1 -> " + throttled);
            assertTrue(unavailable <= 4, "requests in 3 s of 503 with back-off -> " + unavailable);
            // AND the batch with the 400 point was dropped and counted, the 500 point alone was isolated and dead-lettered
            long rejected = stats.dropped(QueueStats.REJECTED);
            assertTrue(rejected >= 1 && rejected <= 50, "one rejected batch of at most 50: " + rejected);
            assertEquals(1, stats.dropped(QueueStats.POISON), "only the poison point is given up on");
            assertTrue(stats.splits() > 0);
            assertTrue(deadLetters.countsByReason().containsKey("server_rejected_400"));
            assertTrue(deadLetters.countsByReason().containsKey("server_rejected_500"));
            // AND every other point is stored exactly once
            long expected = total - rejected - 1;
            E2eHarness.await("rows visible", Duration.ofSeconds(30), () -> db.count("policy_test", null) == expected,
                    () -> "stored " + db.count("policy_test", null) + " of " + expected);
            JsonArray row = db.query("select count(), count_distinct(v) from policy_test").getJsonArray("dataset").getJsonArray(0);
            assertEquals(expected, row.getLong(0));
            assertEquals(expected, row.getLong(1), "no duplicates");
            assertEquals(0L, db.count("policy_test", "v = 2345"));
            onLoop(store::close);
        }
    }
}
