package org.linli.gateway.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Every rejected input, kept twice: the most recent ones in memory for the API, and all of them appended as JSON
 * lines to {@code dead-letters.jsonl} (rotated once at {@code maxFileBytes}) on a background thread so that the
 * event loop never waits on the disk. Counts by reason are kept for the metrics.
 */
public final class DeadLetters implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_PAYLOAD_CHARS = 4096;

    private final Clock clock;
    private final int keepInMemory;
    private final Path file;
    private final long maxFileBytes;
    private final Deque<DeadLetter> recent = new ArrayDeque<>();
    /** Source → reason → letters; the counts by reason alone are summed from it. */
    private final Map<String, Map<String, Long>> countsBySource = new TreeMap<>();
    private final ExecutorService disk;

    /** {@code dir} may be null: then nothing is written to disk (tests). */
    public DeadLetters(Clock clock, int keepInMemory, Path dir, long maxFileBytes) {
        this.clock = clock;
        this.keepInMemory = keepInMemory;
        this.file = dir == null ? null : dir.resolve("dead-letters.jsonl");
        this.maxFileBytes = maxFileBytes;
        this.disk = dir == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "linli-dead-letters");
            t.setDaemon(true);
            return t;
        });
    }

    public static DeadLetters inMemory(Clock clock) {
        return new DeadLetters(clock, 1000, null, 0);
    }

    public void record(String source, String topic, byte[] payload, String reason, String message) {
        record(source, topic, printable(payload), reason, message);
    }

    public synchronized void record(String source, String topic, String payload, String reason, String message) {
        String kept = payload.length() > MAX_PAYLOAD_CHARS ? payload.substring(0, MAX_PAYLOAD_CHARS) + "…(truncated)" : payload;
        DeadLetter letter = new DeadLetter(clock.instant(), source, topic, kept, reason, message);
        recent.addLast(letter);
        while (recent.size() > keepInMemory) {
            recent.pollFirst();
        }
        countsBySource.computeIfAbsent(source, k -> new TreeMap<>()).merge(reason, 1L, Long::sum);
        if (disk != null) {
            disk.execute(() -> append(letter));
        }
    }

    public synchronized List<DeadLetter> recent(int limit) {
        List<DeadLetter> all = new ArrayList<>(recent);
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    public synchronized Map<String, Long> countsByReason() {
        Map<String, Long> out = new TreeMap<>();
        countsBySource.values().forEach(reasons -> reasons.forEach((reason, n) -> out.merge(reason, n, Long::sum)));
        return out;
    }

    /** Source → reason → letters (a copy). */
    public synchronized Map<String, Map<String, Long>> countsBySourceAndReason() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        countsBySource.forEach((source, reasons) -> out.put(source, new TreeMap<>(reasons)));
        return out;
    }

    public synchronized long total() {
        return countsByReason().values().stream().mapToLong(Long::longValue).sum();
    }

    private void append(DeadLetter letter) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file) && Files.size(file) > maxFileBytes) {
                Files.move(file, file.resolveSibling("dead-letters.1.jsonl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(file, letter.toJson().encode() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the disk is full or gone: the letter stays in memory and counted; say so once per failure
            LOG.warn("cannot append dead letter to {}: {}", file, e.toString());
        }
    }

    /** Text payloads as they are; binary ones as hex so that a broken frame can still be read. */
    static String printable(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        boolean binary = text.chars().anyMatch(c -> c == 0xFFFD || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'));
        if (!binary) {
            return text;
        }
        StringBuilder hex = new StringBuilder("hex:");
        for (int i = 0; i < Math.min(payload.length, MAX_PAYLOAD_CHARS / 2); i++) {
            hex.append(String.format("%02x", payload[i]));
        }
        return hex.toString();
    }

    @Override
    public void close() {
        if (disk != null) {
            disk.shutdown();
            try {
                disk.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
