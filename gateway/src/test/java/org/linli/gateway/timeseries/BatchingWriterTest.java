package org.linli.gateway.timeseries;

import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.gateway.pipeline.DeadLetters;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class BatchingWriterTest {

    private static List<String> lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "m v=" + i + " " + i).toList();
    }

    /** A server stand-in that answers from a script, then accepts; records every batch it saw. */
    private static final class ScriptedServer implements BatchWriter {
        final List<WriteOutcome> script;
        final List<List<String>> seen = Collections.synchronizedList(new ArrayList<>());
        final ConcurrentLinkedQueue<String> stored = new ConcurrentLinkedQueue<>();

        ScriptedServer(WriteOutcome... script) {
            this.script = new ArrayList<>(List.of(script));
        }

        @Override
        public synchronized WriteOutcome write(List<String> batch) {
            seen.add(batch);
            WriteOutcome o = script.isEmpty() ? new WriteOutcome.Accepted() : script.remove(0);
            if (o instanceof WriteOutcome.TooLarge && batch.size() <= 2) {
                o = new WriteOutcome.Accepted();
            }
            if (o instanceof WriteOutcome.Accepted) {
                stored.addAll(batch);
            }
            return o;
        }
    }

    private static BatchingWriter writer(Vertx vertx, BatchWriter server, DeadLetters dl, int batch, int max) {
        return new BatchingWriter(vertx, server, dl, batch, Duration.ofMillis(20), max);
    }

    @Test
    @DisplayName("points are written in batches of at most batchSize, all of them, in order")
    void batchesInOrder(Vertx vertx, VertxTestContext ctx) {
        ScriptedServer server = new ScriptedServer();
        vertx.runOnContext(v -> {
            BatchingWriter w = writer(vertx, server, DeadLetters.inMemory(Clock.systemUTC()), 100, 10_000);
            for (int i = 0; i < 1050; i += 50) {
                w.offer(lines(i, i + 50));
            }
            w.drain(Duration.ofSeconds(10)).onComplete(ctx.succeeding(x -> ctx.verify(() -> {
                assertEquals(lines(0, 1050), new ArrayList<>(server.stored));
                assertTrue(server.seen.stream().allMatch(b -> b.size() <= 100));
                assertEquals(1050, w.stats().acceptedPoints());
                ctx.completeNow();
            })));
        });
    }

    @Test
    @DisplayName("retry-later keeps the batch at the head and retries it with back-off; order and count survive")
    void retryKeepsOrder(Vertx vertx, VertxTestContext ctx) {
        ScriptedServer server = new ScriptedServer(
                new WriteOutcome.RetryLater(503, "down", null),
                new WriteOutcome.RetryLater(0, "refused", null),
                new WriteOutcome.RetryLater(429, "slow down", Duration.ofMillis(100)));
        vertx.runOnContext(v -> {
            BatchingWriter w = writer(vertx, server, DeadLetters.inMemory(Clock.systemUTC()), 10, 10_000);
            w.offer(lines(0, 35));
            w.drain(Duration.ofSeconds(15)).onComplete(ctx.succeeding(x -> ctx.verify(() -> {
                assertEquals(lines(0, 35), new ArrayList<>(server.stored));
                assertEquals(3, w.stats().retries());
                assertEquals(lines(0, 10), server.seen.get(0));
                assertEquals(lines(0, 10), server.seen.get(3), "the failed batch is the one retried");
                assertEquals(4 + 3, server.seen.size(), "no retry storm: one request per attempt");
                ctx.completeNow();
            })));
        });
    }

    @Test
    @DisplayName("413 splits the batch in halves and keeps order; 400 drops and dead-letters only that batch")
    void splitAndReject(Vertx vertx, VertxTestContext ctx) {
        ScriptedServer server = new ScriptedServer(new WriteOutcome.TooLarge(), new WriteOutcome.TooLarge(),
                new WriteOutcome.Accepted(), new WriteOutcome.Accepted(), new WriteOutcome.Accepted(),
                new WriteOutcome.Rejected(400, "bad line"));
        DeadLetters dl = DeadLetters.inMemory(Clock.systemUTC());
        vertx.runOnContext(v -> {
            BatchingWriter w = writer(vertx, server, dl, 8, 10_000);
            w.offer(lines(0, 8));
            w.offer(lines(8, 16));
            w.offer(lines(16, 20));
            w.drain(Duration.ofSeconds(10)).onComplete(ctx.succeeding(x -> ctx.verify(() -> {
                List<String> expected = new ArrayList<>(lines(0, 8));
                expected.addAll(lines(16, 20));
                assertEquals(expected, new ArrayList<>(server.stored), "first batch split and stored in order; second rejected");
                assertEquals(8, w.stats().rejectedPoints());
                assertEquals(1L, dl.countsByReason().get("server_rejected_400"));
                assertTrue(w.stats().splits() >= 1);
                ctx.completeNow();
            })));
        });
    }

    @Test
    @DisplayName("past the memory bound the oldest points are dropped and every drop is counted")
    void overflowCounted(Vertx vertx, VertxTestContext ctx) {
        ScriptedServer server = new ScriptedServer(new WriteOutcome.RetryLater(503, "down", Duration.ofMillis(300)));
        vertx.runOnContext(v -> {
            BatchingWriter w = writer(vertx, server, DeadLetters.inMemory(Clock.systemUTC()), 10, 50);
            w.offer(lines(0, 10));
            vertx.setTimer(50, t -> {
                w.offer(lines(10, 100));
                w.drain(Duration.ofSeconds(10)).onComplete(ctx.succeeding(x -> ctx.verify(() -> {
                    assertEquals(50, w.stats().droppedOverflowPoints());
                    assertEquals(50, server.stored.size());
                    assertEquals(100, server.stored.size() + w.stats().droppedOverflowPoints(), "every point accounted for");
                    ctx.completeNow();
                })));
            });
        });
    }
}
