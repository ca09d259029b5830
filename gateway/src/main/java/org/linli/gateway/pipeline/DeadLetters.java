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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every rejected input, kept twice: the most recent ones in memory for the API, and all of them appended as JSON
 * lines to {@code dead-letters.jsonl} (rotated once at {@code maxFileBytes}, so at most two files of that size) on a
 * background thread so that the event loop never waits on the disk (past {@link #MAX_PENDING_WRITES} waiting, a
 * letter is counted as unwritten instead). Counts by reason are kept for the metrics.
 * <p>
 * What a sender controls is bounded before it is kept (DeadLetterText: payload, topic, message), and so is the total:
 * at most {@code keepInMemory} letters and {@link #MAX_MEMORY_BYTES} of their JSON in memory. Called on the event
 * loop (and the queue forwarder's); synchronized.
 */
public final class DeadLetters implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    /** The JSON text of the letters held in memory, at most (the oldest go first). */
    public static final long MAX_MEMORY_BYTES = 4L * 1024 * 1024;
    /** Each of the two files (dead-letters.jsonl and the rotated dead-letters.1.jsonl), at most. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** Letters waiting for the disk thread, at most: a slow disk must not make the queue of writes grow. */
    static final int MAX_PENDING_WRITES = 1000;

    private final Clock clock;
    private final int keepInMemory;
    private final Path file;
    private final long maxFileBytes;
    private final Deque<Held> recent = new ArrayDeque<>();
    private long heldBytes;
    /** Source → reason → letters; the counts by reason alone are summed from it. */
    private final Map<String, Map<String, Long>> countsBySource = new TreeMap<>();
    private final ExecutorService disk;
    private final AtomicLong unwritten = new AtomicLong();

    /** {@code dir} may be null: then nothing is written to disk (tests). */
    public DeadLetters(Clock clock, int keepInMemory, Path dir, long maxFileBytes) {
        this.clock = clock;
        this.keepInMemory = keepInMemory;
        this.file = dir == null ? null : dir.resolve("dead-letters.jsonl");
        this.maxFileBytes = maxFileBytes;
        this.disk = dir == null ? null : new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_PENDING_WRITES), r -> {
                    Thread t = new Thread(r, "linli-dead-letters");
                    t.setDaemon(true);
                    return t;
                }, this::unwritten);
    }

    public static DeadLetters inMemory(Clock clock) {
        return new DeadLetters(clock, 1000, null, 0);
    }

    /** A letter and the UTF-8 length of its JSON line, which is what the memory and API bounds count. */
    private record Held(DeadLetter letter, int bytes) {
    }

    /** A rejected message of bytes (MQTT payloads): only its first bytes are ever decoded. */
    public void record(String source, String topic, byte[] payload, String reason, String message) {
        keep(source, topic, DeadLetterText.printable(payload), reason, message);
    }

    /** A rejected input already in text (hex frames, line protocol). */
    public void record(String source, String topic, String payload, String reason, String message) {
        keep(source, topic, DeadLetterText.cut(payload, DeadLetterText.MAX_PAYLOAD_BYTES), reason, message);
    }

    private void keep(String source, String topic, String payload, String reason, String message) {
        DeadLetter letter = new DeadLetter(clock.instant(), source, DeadLetterText.cut(topic, DeadLetterText.MAX_TOPIC_CHARS),
                payload, reason, DeadLetterText.cut(message, DeadLetterText.MAX_MESSAGE_CHARS));
        // encoded once, outside the lock: bounded by the cuts above
        String json = letter.toJson().encode();
        synchronized (this) {
            int bytes = DeadLetterText.utf8Length(json);
            recent.addLast(new Held(letter, bytes));
            heldBytes += bytes;
            while (recent.size() > keepInMemory || heldBytes > MAX_MEMORY_BYTES) {
                heldBytes -= recent.pollFirst().bytes();
            }
            countsBySource.computeIfAbsent(source, k -> new TreeMap<>()).merge(reason, 1L, Long::sum);
        }
        if (disk != null) {
            disk.execute(() -> append(json));
        }
    }

    /** Past {@link #MAX_PENDING_WRITES} letters waiting for a slow disk, a letter is kept in memory only: count it. */
    private void unwritten(Runnable dropped, ThreadPoolExecutor executor) {
        if (executor.isShutdown()) {
            return;
        }
        long n = unwritten.incrementAndGet();
        if (n == 1 || n % 1000 == 0) {
            LOG.warn("{} dead letters not written to {}: the disk is slower than the rejected messages arrive", n, file);
        }
    }

    /** Letters not written to the file because too many were waiting for the disk. */
    public long unwritten() {
        return unwritten.get();
    }

    /** The newest {@code limit} letters, oldest first. */
    public List<DeadLetter> recent(int limit) {
        return recent(limit, Long.MAX_VALUE);
    }

    /** The newest letters, at most {@code limit} of them and {@code maxBytes} of their JSON, oldest first. */
    public synchronized List<DeadLetter> recent(int limit, long maxBytes) {
        List<DeadLetter> out = new ArrayList<>();
        long bytes = 0;
        for (var it = recent.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            Held h = it.next();
            bytes += h.bytes();
            if (bytes > maxBytes) {
                break;
            }
            out.add(h.letter());
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** Letters held in memory now. */
    public synchronized int held() {
        return recent.size();
    }

    /** The JSON text of the letters held in memory now (at most {@link #MAX_MEMORY_BYTES}). */
    public synchronized long heldBytes() {
        return heldBytes;
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

    private void append(String json) {
        try {
            Files.createDirectories(file.getParent());
            byte[] line = (json + "\n").getBytes(StandardCharsets.UTF_8);
            if (Files.exists(file) && Files.size(file) + line.length > maxFileBytes) {
                Files.move(file, file.resolveSibling("dead-letters.1.jsonl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the disk is full or gone: the letter stays in memory and counted; say so once per failure
            LOG.warn("cannot append dead letter to {}: {}", file, e.toString());
        }
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
