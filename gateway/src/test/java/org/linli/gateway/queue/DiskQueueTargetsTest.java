package org.linli.gateway.queue;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.timeseries.Lane;
import org.linli.gateway.timeseries.PointBatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several time-series targets on one disk queue (docs/QUEUE.md, several targets): one position per target, segments
 * kept until every target has passed them, positions surviving a restart, an old queue's position adopted, and the
 * quota's drops counted for the targets that had not written them.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class DiskQueueTargetsTest {
    private static final List<String> TARGETS = List.of("local", "district");

    private static List<String> points(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("water_meter,device=w" + (i % 7) + " total_m3=" + i + "i " + (1_000_000L + i));
        }
        return out;
    }

    private static void offer(Context loop, DiskQueue q, int from, int to) throws Exception {
        for (int i = from; i < to; i += 10) {
            int start = i;
            OnLoop.get(loop, () -> q.offer(PointBatch.telemetry(points(start, Math.min(start + 10, to)))));
        }
    }

    private static long segments(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("telemetry"))) {
            return s.filter(p -> p.toString().endsWith(".seg")).count();
        }
    }

    @Test
    @DisplayName("each target reads and commits its own position; a segment stays until both passed it; a restart resumes each where it was")
    void ownPositionsSurviveRestart(Vertx vertx, @TempDir Path dir) throws Exception {
        // GIVEN a queue of two targets with 2 KiB segments holding 300 points
        Context loop = vertx.getOrCreateContext();
        QueueSettings settings = new QueueSettings(dir, 1 << 30, 2 * 1024, 1);
        DiskQueue q = OnLoop.get(loop, () -> DiskQueue.open(vertx, settings, Clock.systemUTC(), TARGETS));
        offer(loop, q, 0, 300);
        long before = segments(dir);

        // WHEN local writes everything and district only the first 100
        List<QueuedRecord> all = OnLoop.get(loop, () -> q.next("local", 1000));
        OnLoop.get(loop, () -> q.ack("local", all));
        List<QueuedRecord> first = OnLoop.get(loop, () -> q.next("district", 100));
        OnLoop.get(loop, () -> q.ack("district", first));

        // THEN each target's depth is its own, and only the segments district has passed are gone
        assertEquals(300, all.size());
        assertEquals(0, q.stats().target("local").depthPoints());
        assertEquals(200, q.stats().target("district").depthPoints());
        assertEquals(200, q.stats().depthPoints(), "the queue keeps what the slowest target has not written");
        assertEquals("district", q.stats().heldBackBy());
        long after = segments(dir);
        assertTrue(after < before && after > 1, "segments before district's position deleted, the rest kept: " + before + " -> " + after);

        // AND after a restart each target resumes at its own position
        OnLoop.get(loop, q::close);
        DiskQueue reopened = OnLoop.get(loop, () -> DiskQueue.open(vertx, settings, Clock.systemUTC(), TARGETS));
        assertEquals(0, reopened.stats().target("local").depthPoints());
        assertEquals(200, reopened.stats().target("district").depthPoints());
        assertTrue(OnLoop.get(loop, () -> reopened.next("local", 10)).isEmpty(), "local has nothing to replay");
        List<QueuedRecord> resumed = OnLoop.get(loop, () -> reopened.next("district", 1000));
        assertEquals(points(100, 300), resumed.stream().map(QueuedRecord::line).toList());
        OnLoop.get(loop, reopened::close);
    }

    @Test
    @DisplayName("a queue written before targets existed: every target takes its position, the old ack file goes")
    void legacyPositionAdopted(Vertx vertx, @TempDir Path dir) throws Exception {
        // GIVEN a telemetry lane written with the one position file of before (ack), 10 points of which 4 acknowledged
        SegmentLog old = SegmentLog.open(Lane.TELEMETRY, dir.resolve("telemetry"), 1 << 20);
        old.append(points(0, 10), 42);
        old.sync();
        old.ack(old.read(4));
        old.close();
        assertTrue(Files.exists(dir.resolve("telemetry/ack")));

        // WHEN the queue opens with two targets
        Context loop = vertx.getOrCreateContext();
        DiskQueue q = OnLoop.get(loop, () -> DiskQueue.open(vertx, new QueueSettings(dir, 1 << 30, 1 << 20, 1),
                Clock.systemUTC(), TARGETS));

        // THEN both resume after the 4 acknowledged points, with their own files, and the old file is gone
        assertEquals(6, q.stats().target("local").depthPoints());
        assertEquals(6, q.stats().target("district").depthPoints());
        assertTrue(Files.exists(dir.resolve("telemetry/ack.local")) && Files.exists(dir.resolve("telemetry/ack.district")));
        assertFalse(Files.exists(dir.resolve("telemetry/ack")));
        assertEquals(points(4, 10), OnLoop.get(loop, () -> q.next("district", 100)).stream().map(QueuedRecord::line).toList());
        OnLoop.get(loop, q::close);
    }

    @Test
    @DisplayName("over the quota with one target down: the dropped points count for that target only, and the status names it")
    void quotaCountsForTheSlowTarget(Vertx vertx, @TempDir Path dir) throws Exception {
        // GIVEN a 16 KiB quota; local writes everything as it comes, district is down
        Context loop = vertx.getOrCreateContext();
        DiskQueue q = OnLoop.get(loop, () -> DiskQueue.open(vertx, new QueueSettings(dir, 16 * 1024, 4 * 1024, 1),
                Clock.systemUTC(), TARGETS));
        // WHEN 2,000 points (~120 KiB) are offered
        for (int i = 0; i < 2000; i += 100) {
            offer(loop, q, i, i + 100);
            List<QueuedRecord> batch = OnLoop.get(loop, () -> q.next("local", 1000));
            OnLoop.get(loop, () -> q.ack("local", batch));
        }
        // THEN the disk stays near the quota, district lost the oldest and counts them, local lost nothing
        QueueStats s = q.stats();
        long dropped = s.target("district").dropped(QueueStats.QUOTA_OLDEST_TELEMETRY);
        assertTrue(dropped > 1000, "most of district's backlog dropped: " + dropped);
        assertEquals(2000, s.target("district").depthPoints() + dropped, "every point is queued for district or counted");
        assertEquals(0, s.target("local").dropped(QueueStats.QUOTA_OLDEST_TELEMETRY));
        assertEquals(0, s.target("local").depthPoints());
        assertEquals("district", s.heldBackBy());
        assertEquals("district", s.toJson(0).getString("heldBackBy"));
        assertTrue(s.bytes() <= 16 * 1024 + 4 * 1024, "disk use near the quota: " + s.bytes());
        OnLoop.get(loop, q::close);
    }
}
