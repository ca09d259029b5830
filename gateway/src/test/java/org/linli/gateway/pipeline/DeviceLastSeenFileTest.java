package org.linli.gateway.pipeline;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Device last-seen times written in batches to a real SQLite file and read back by the next start. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DeviceLastSeenFileTest {
    @TempDir
    Path dataDir;

    @Test
    @DisplayName("the times changed since the last batch are saved and restored after a restart; a batch never moves a time backwards")
    void lastSeenSurvivesRestart() throws Exception {
        // GIVEN readings from two devices, taken as one batch
        DeviceActivity activity = new DeviceActivity();
        Instant t1 = Instant.parse("2026-12-05T01:00:00Z");
        Instant t2 = Instant.parse("2026-12-05T01:05:00Z");
        activity.seen("smoke-1", t1);
        activity.seen("gas-1", t1);
        activity.seen("gas-1", t2);
        activity.seen("gas-1", t1);   // late, older reading
        DeviceLastSeenFile file = DeviceLastSeenFile.open(dataDir).get(10, TimeUnit.SECONDS);
        Map<String, Instant> batch = activity.takeChanged();
        assertEquals(Map.of("smoke-1", t1, "gas-1", t2), batch);
        file.save(batch);
        assertTrue(activity.takeChanged().isEmpty());
        file.save(Map.of("gas-1", t1));   // an older time from a stale batch
        file.close().get(10, TimeUnit.SECONDS);

        // WHEN the next start reads the file into a fresh activity
        DeviceLastSeenFile again = DeviceLastSeenFile.open(dataDir).get(10, TimeUnit.SECONDS);
        DeviceActivity restarted = new DeviceActivity();
        restarted.restore(again.stored());

        // THEN each device has its newest time
        assertEquals(t2, restarted.lastSeen("gas-1").orElseThrow());
        assertEquals(t1, restarted.lastSeen("smoke-1").orElseThrow());
        again.close().get(10, TimeUnit.SECONDS);
    }
}
