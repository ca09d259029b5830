package org.linli.gateway.camera;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.MutableClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snapshot files on disk: retention by count and bytes, oldest first; ids that cannot leave the directory. */
class SnapshotStoreTest {
    private static byte[] jpeg(int size) {
        byte[] b = new byte[size];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        return b;
    }

    @Test
    @DisplayName("beyond 3 files or 250 bytes the oldest snapshots are deleted first, from disk and from lookup")
    void retention(@TempDir Path dir) throws Exception {
        // GIVEN a store keeping at most 3 snapshots and 250 bytes
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
        SnapshotStore store = new SnapshotStore(dir.resolve("snapshots"), 3, 250, clock);
        // WHEN four 50-byte snapshots arrive
        String first = store.store("cam-1", jpeg(50));
        String second = store.store("cam-1", jpeg(50));
        store.store("cam-1", jpeg(50));
        store.store("cam-1", jpeg(50));
        // THEN the count limit deleted the first
        assertEquals(3, store.count());
        assertTrue(store.file(first).isEmpty());
        assertTrue(store.file(second).isPresent());
        // WHEN a 150-byte one arrives (4 × 50 + 150 > 250)
        String big = store.store("cam-1", jpeg(150));
        // THEN older ones go until the bytes fit
        assertTrue(store.totalBytes() <= 250, "total " + store.totalBytes());
        assertTrue(store.file(second).isEmpty());
        assertArrayEquals(jpeg(150), Files.readAllBytes(store.file(big).orElseThrow()));
        try (var files = Files.list(dir.resolve("snapshots"))) {
            assertEquals(store.count(), files.count(), "files on disk match the index");
        }
        // and a new store on the same directory counts what is there
        assertEquals(store.count(), new SnapshotStore(dir.resolve("snapshots"), 3, 250, clock).count());
    }

    @Test
    @DisplayName("ids that try to leave the directory or are malformed are unknown")
    void hostileIds(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("secret.jpg"), "x");
        SnapshotStore store = new SnapshotStore(dir.resolve("snapshots"), 10, 10_000, new MutableClock(Instant.EPOCH));
        for (String id : new String[]{"../secret", "..", "/etc/passwd", "a/b", "", "A%2F..", "x".repeat(200), null}) {
            assertTrue(store.file(id).isEmpty(), "id " + id);
        }
        String ok = store.store("Cam 7/Gate", jpeg(10));
        assertTrue(ok.matches("[a-z0-9_-]+"), ok);
        assertTrue(store.file(ok).isPresent());
    }
}
