package org.linli.gateway.camera;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Snapshot JPEGs on disk under {@code <dataDir>/snapshots}, one file {@code <id>.jpg} each, kept within a maximum
 * count and total size by deleting the oldest first. Ids are generated here and checked against a strict pattern
 * on lookup, so an id from a URL can never name a file outside the directory. Thread-safe (written from workers).
 */
public final class SnapshotStore {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");

    private record Entry(String id, long bytes) {
    }

    private final Path dir;
    private final int maxCount;
    private final long maxTotalBytes;
    private final Clock clock;
    private final Deque<Entry> oldestFirst = new ArrayDeque<>();
    private final AtomicLong sequence = new AtomicLong();
    private long totalBytes;

    public SnapshotStore(Path dir, int maxCount, long maxTotalBytes, Clock clock) {
        this.dir = dir;
        this.maxCount = maxCount;
        this.maxTotalBytes = maxTotalBytes;
        this.clock = clock;
        try {
            Files.createDirectories(dir);
            loadExisting();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use snapshot directory " + dir, e);
        }
    }

    /** Earlier runs' snapshots count against the limits too, oldest (by modification time) first. */
    private void loadExisting() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jpegs = files.filter(p -> p.getFileName().toString().endsWith(".jpg"))
                    .sorted(Comparator.comparing(SnapshotStore::modified)).toList();
            for (Path p : jpegs) {
                String name = p.getFileName().toString();
                long size = Files.size(p);
                oldestFirst.addLast(new Entry(name.substring(0, name.length() - 4), size));
                totalBytes += size;
            }
        }
        enforceLimits();
    }

    /** Stores a JPEG and returns its id; older snapshots are deleted if the limits are passed. */
    public synchronized String store(String cameraId, byte[] jpeg) throws IOException {
        String camera = cameraId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        String id = Long.toString(clock.millis(), 36) + "-" + sequence.incrementAndGet() + "-" + camera;
        if (id.length() > 100) {
            id = id.substring(0, 100);
        }
        Path tmp = dir.resolve(id + ".tmp");
        Files.write(tmp, jpeg);
        Files.move(tmp, dir.resolve(id + ".jpg"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        oldestFirst.addLast(new Entry(id, jpeg.length));
        totalBytes += jpeg.length;
        enforceLimits();
        return id;
    }

    /** The file of a stored snapshot; empty for an unknown or malformed id. */
    public synchronized Optional<Path> file(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path p = dir.resolve(id + ".jpg").normalize();
        return p.getParent().equals(dir.normalize()) && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    public synchronized int count() {
        return oldestFirst.size();
    }

    public synchronized long totalBytes() {
        return totalBytes;
    }

    private void enforceLimits() {
        while (!oldestFirst.isEmpty() && (oldestFirst.size() > maxCount || totalBytes > maxTotalBytes)) {
            Entry e = oldestFirst.removeFirst();
            totalBytes -= e.bytes();
            try {
                Files.deleteIfExists(dir.resolve(e.id() + ".jpg"));
            } catch (IOException ex) {
                // counted out of the budget anyway; a file we cannot delete must not block new evidence
            }
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
