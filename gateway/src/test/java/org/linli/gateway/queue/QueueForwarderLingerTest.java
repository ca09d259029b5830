package org.linli.gateway.queue;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.QueueOptions;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.timeseries.PointBatch;
import org.linli.gateway.timeseries.WriteOutcome;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forwarder's linger is for a trickle: the first points after a quiet spell go at once, later ones wait until a
 * linger has passed since the last write, a batch that fills while it runs is written at once (a drain's first write
 * used to wait out the whole flush interval), so is what a full batch leaves, and a retry's back-off is never cut
 * short by full batches.
 */
class QueueForwarderLingerTest {
    private static final int BATCH = 100;
    private static final int LINGER_MS = 20_000;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void theFirstPointsAndTheEndOfADrainGoAtOnceAndABatchThatFillsDuringTheLingerIsNotHeld(@TempDir Path dir)
            throws Exception {
        // GIVEN a forwarder with a 20 s linger that has written nothing yet
        List<Integer> writes = new CopyOnWriteArrayList<>();
        StoreAndForward store = start(dir, lines -> {
            writes.add(lines.size());
            return new WriteOutcome.Accepted();
        });
        // WHEN 5 points are queued: nothing was written for a linger, so they are written at once
        offer(store, 0, 5);
        await().atMost(Duration.ofSeconds(5)).until(() -> writes.size() == 1);
        assertEquals(5, writes.get(0), "the first points, without waiting for the linger: " + writes);
        // AND 10 more, right after that write: they wait for the linger
        await().atMost(Duration.ofSeconds(5)).until(() -> store.stats().depthPoints() == 0);
        offer(store, 5, 10);
        Thread.sleep(300);
        assertEquals(1, writes.size(), "10 points wait for the linger: " + writes);

        // WHEN a full batch more arrives
        offer(store, 15, BATCH);

        // THEN a full batch is written long before the linger would have ended
        await().atMost(Duration.ofSeconds(5)).until(() -> writes.size() > 1);
        assertEquals(BATCH, writes.get(1), "the second write is a full batch: " + writes);
        // AND what is left after a full batch (the end of a drain) follows within the drain's short linger
        await().atMost(Duration.ofSeconds(5)).until(() -> writes.size() > 2);
        assertEquals(List.of(5, BATCH, 10), writes, "the rest of the 110 queued points");
    }

    @Test
    void pointsArrivingFasterThanTheyAreWrittenAreAllWritten(@TempDir Path dir) throws Exception {
        // GIVEN a forwarder with a 1 s linger and a server that takes 20 ms a write
        List<Integer> writes = new CopyOnWriteArrayList<>();
        StoreAndForward store = start(dir, lines -> {
            sleep(20);
            writes.add(lines.size());
            return new WriteOutcome.Accepted();
        }, 1000);
        // WHEN 1,050 points arrive in small commits, faster than they are written
        for (int i = 0; i < 1_050; i += 7) {
            offer(store, i, 7);
            Thread.sleep(1);
        }
        // THEN every point is written, full batches at once and the last few after at most a linger
        await().atMost(Duration.ofSeconds(8)).until(() -> writes.stream().mapToInt(Integer::intValue).sum() == 1_050);
        assertEquals(0, store.stats().depthPoints());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void fullBatchesDoNotCutARetrysBackOffShort(@TempDir Path dir) throws Exception {
        // GIVEN a server that answered the first write with "retry after 3 s"
        List<Long> writeTimes = new CopyOnWriteArrayList<>();
        StoreAndForward store = start(dir, lines -> {
            writeTimes.add(System.nanoTime());
            return writeTimes.size() == 1 ? new WriteOutcome.RetryLater(429, "throttled", Duration.ofSeconds(3))
                    : new WriteOutcome.Accepted();
        });
        offer(store, 0, BATCH);
        await().atMost(Duration.ofSeconds(5)).until(() -> writeTimes.size() == 1);

        // WHEN full batches keep arriving during the back-off
        for (int i = 1; i <= 5; i++) {
            offer(store, i * BATCH, BATCH);
        }

        // THEN the next request comes only after the server's 3 s, and everything is written in the end
        await().atMost(Duration.ofSeconds(15)).until(() -> store.stats().depthPoints() == 0);
        long gapMs = TimeUnit.NANOSECONDS.toMillis(writeTimes.get(1) - writeTimes.get(0));
        assertTrue(gapMs >= 2_900, "second request " + gapMs + " ms after the throttled one");
    }

    private StoreAndForward start(Path dir, org.linli.gateway.timeseries.BatchWriter writer) throws Exception {
        return start(dir, writer, LINGER_MS);
    }

    private StoreAndForward start(Path dir, org.linli.gateway.timeseries.BatchWriter writer, int lingerMs) throws Exception {
        return OnLoop.get(vertx, () -> StoreAndForward.start(vertx, QueueOptions.defaults().withDir(dir.resolve("queue").toString())
                        .withFsyncEveryMs(2), dir.toString(), InfluxOptions.of("http://127.0.0.1:1", "o", "b")
                        .withBatch(BATCH, lingerMs), writer, DeadLetters.inMemory(Clock.systemUTC()),
                Clock.systemUTC()));
    }

    private void offer(StoreAndForward store, int from, int n) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            lines.add("linger_test,src=t v=" + i + "i " + (1_700_000_000_000L + i));
        }
        OnLoop.get(vertx, () -> store.queue().offer(PointBatch.telemetry(lines)));
    }

}
