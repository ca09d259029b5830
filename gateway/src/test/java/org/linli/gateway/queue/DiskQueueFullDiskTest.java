package org.linli.gateway.queue;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.linli.gateway.timeseries.PointBatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real full disk (ENOSPC) under the queue: a 64 KiB tmpfs mounted for the test. Needs {@code mount} and the right to
 * use it (root with CAP_SYS_ADMIN, as in CI: .ci/run). Skipped where mounting is not allowed, except with
 * {@code -Dlinli.requireExternalTools=true} (CI), where that is a failure: a check that silently never runs checks
 * nothing.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DiskQueueFullDiskTest {
    private Vertx vertx;
    /** The queue is confined to one event-loop context: everything runs on this one. */
    private io.vertx.core.Context context;
    private Path mountPoint;
    private boolean mounted;

    @BeforeEach
    void mountTinyDisk(@TempDir Path dir) throws Exception {
        mountPoint = Files.createDirectories(dir.resolve("tiny"));
        if (run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint.toString()) != 0) {
            String why = "cannot mount a tmpfs here (needs the mount program and root with CAP_SYS_ADMIN)";
            if (Boolean.getBoolean("linli.requireExternalTools")) {
                throw new AssertionError(why + ": required in CI (-Dlinli.requireExternalTools=true)");
            }
            Assumptions.abort(why + ": skipping");
        }
        mounted = true;
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
    }

    @AfterEach
    void unmount() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
        if (mounted) {
            run("umount", "-l", mountPoint.toString());
        }
    }

    @Test
    @DisplayName("a full disk holds offers unacknowledged and counts disk errors; with space again they complete by themselves and every point is on disk, in order")
    void fullDiskHoldsThenResumes() throws Exception {
        // GIVEN a queue on a 64 KiB disk, with a quota far above it (the disk fills before the quota applies)
        QueueSettings settings = new QueueSettings(mountPoint.resolve("queue"), 64L * 1024 * 1024, 8 * 1024, 1);
        DiskQueue queue = OnLoop.get(context, () -> DiskQueue.open(vertx, settings, Clock.systemUTC()));

        // WHEN points are offered until an offer is not durable within 2 s
        List<String> offered = new ArrayList<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        int batch = 0;
        while (pending.isEmpty()) {
            List<String> lines = batchOfLines(batch++);
            offered.addAll(lines);
            CompletableFuture<Void> done = offer(queue, lines);
            try {
                done.get(2, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stillWaiting) {
                pending.add(done);
            }
            assertTrue(batch < 2_000, "the 64 KiB disk never filled");
        }
        // AND more offers arrive while the disk stays full
        for (int i = 0; i < 5; i++) {
            List<String> lines = batchOfLines(batch++);
            offered.addAll(lines);
            pending.add(offer(queue, lines));
        }

        // THEN the queue retries (disk errors counted, with retries), and meanwhile nothing was failed or completed:
        // the offers wait (MQTT would withhold the acks)
        QueueStats stats = queue.stats();
        await().atMost(20, TimeUnit.SECONDS).until(() -> stats.diskErrors() >= 3);
        assertTrue(pending.stream().noneMatch(CompletableFuture::isDone), "held, neither acknowledged nor failed");
        assertTrue(stats.lastDiskError().contains("No space left"), stats.lastDiskError());
        assertEquals(0, stats.refusedPoints());

        // WHEN the disk gets space again
        assertEquals(0, run("mount", "-o", "remount,size=4m", mountPoint.toString()));
        // THEN the held offers complete by themselves
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        // AND after a restart every offered point is on disk, in the order offered (a retried batch may repeat some)
        OnLoop.get(context, queue::close);
        DiskQueue reopened = OnLoop.get(context, () -> DiskQueue.open(vertx, settings, Clock.systemUTC()));
        List<String> stored = new ArrayList<>();
        for (QueuedRecord r : OnLoop.get(context, () -> reopened.next(100_000))) {
            stored.add(r.line());
        }
        assertEquals(offered, new ArrayList<>(new LinkedHashSet<>(stored)), "every point, first copies in offer order");
        assertFalse(stored.size() > 2 * offered.size(), "no runaway duplication: " + stored.size());
        OnLoop.get(context, reopened::close);
    }

    private static List<String> batchOfLines(int batch) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long n = batch * 10L + i;
            lines.add("water_meter,building=3,unit=2,household=3-2-501,device=water-3-2-501 total_m3=" + n
                    + ",flow_m3h=0.12 " + (1_700_000_000_000_000_000L + n));
        }
        return lines;
    }

    private CompletableFuture<Void> offer(DiskQueue queue, List<String> lines) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> queue.offer(PointBatch.telemetry(lines)).onComplete(ar -> {
            if (ar.succeeded()) {
                done.complete(null);
            } else {
                done.completeExceptionally(ar.cause());
            }
        }));
        return done;
    }

    /** The program's exit status; -1 when it is not installed or does not finish. */
    private static int run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (java.io.IOException notInstalled) {
            return -1;
        }
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
