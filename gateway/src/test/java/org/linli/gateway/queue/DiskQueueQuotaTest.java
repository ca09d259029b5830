package org.linli.gateway.queue;

import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.linli.gateway.metrics.GatewayMetrics;
import org.linli.gateway.metrics.QueueMeters;
import org.linli.gateway.timeseries.Lane;
import org.linli.gateway.timeseries.PointBatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The full-disk policy: oldest telemetry segments are dropped and counted; device events are never dropped. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class DiskQueueQuotaTest {

    @Test
    @DisplayName("over the quota the oldest telemetry is dropped and counted by reason, alarms are all kept, newest telemetry survives")
    void quotaDropsOldestTelemetryKeepsAlarms(Vertx vertx, @TempDir Path dir) throws Exception {
        // GIVEN a queue with a 16 KiB quota in 4 KiB segments and nothing draining it (the server is down)
        QueueSettings settings = new QueueSettings(dir, 16 * 1024, 4 * 1024, 1);
        DiskQueue queue = OnLoop.get(vertx, () -> DiskQueue.open(vertx, settings, Clock.systemUTC()));

        // WHEN 2,000 telemetry points (~120 KiB) and 40 alarm events are offered, interleaved
        int telemetry = 2000;
        int alarms = 40;
        for (int i = 0; i < telemetry; i++) {
            int n = i;
            List<String> readings = List.of("water_meter,device=w" + (n % 7) + " total_m3=" + n + "i " + (1_000_000L + n));
            List<String> events = n % 50 == 0
                    ? List.of("device_event,device=g" + (n / 50) + ",event=alarm count=1i " + (1_000_000L + n))
                    : List.of();
            OnLoop.get(vertx, () -> queue.offer(PointBatch.ofText(readings, events)));
        }

        // THEN the alarms are all still queued, the telemetry that fits is the newest, and every drop is counted
        QueueStats stats = queue.stats();
        assertEquals(alarms, stats.eventPoints());
        long dropped = stats.dropped(QueueStats.QUOTA_OLDEST_TELEMETRY);
        assertTrue(dropped > 1000, "most telemetry dropped: " + dropped);
        assertEquals(telemetry + alarms, stats.depthPoints() + dropped, "every offered point is queued or counted as dropped");
        assertTrue(stats.bytes() <= settings.maxBytes() + settings.segmentBytes(), "disk use near the quota: " + stats.bytes());
        try (GatewayMetrics metrics = new GatewayMetrics()) {
            metrics.add(new QueueMeters(metrics.registry(), stats, Clock.systemUTC()));
            String line = "linli_queue_dropped_total{reason=\"quota_oldest_telemetry\",target=\"influx\"} ";
            String text = metrics.scrape();
            assertTrue(text.contains(line + dropped + ".0\n"), text);
        }

        List<QueuedRecord> events = OnLoop.get(vertx, () -> queue.next(1000));
        assertEquals(alarms, events.size());
        assertTrue(events.stream().allMatch(r -> r.lane() == Lane.EVENTS));
        OnLoop.get(vertx, () -> queue.ack(events));
        List<QueuedRecord> rest = OnLoop.get(vertx, () -> queue.next(10_000));
        assertEquals(stats.depthPoints(), rest.size());
        assertTrue(rest.get(0).line().contains("total_m3=" + dropped + "i"), "the first kept point follows the dropped ones: "
                + rest.get(0).line());
        assertTrue(rest.get(rest.size() - 1).line().contains("total_m3=" + (telemetry - 1) + "i"), "the newest is kept");
        OnLoop.get(vertx, queue::close);
    }
}
