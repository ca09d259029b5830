package org.linli.archive;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@link AlertArchive} from one thread ({@code linli-archive-writer}), many versions per transaction: it
 * takes whatever has queued up (at most {@code maxBatch}) and writes it in one {@link AlertArchive#recordAll}. Each
 * submitted version gets a future completed after its transaction commits, so the centre acknowledges the MQTT
 * message only then (at-least-once delivery + idempotent upserts = each version archived once). A failed write is
 * retried, 1 s doubling to 30 s, until it commits or the writer closes (then the futures fail); a version that
 * cannot be read fails its own future at once. {@link #submit} may be called from any thread, an event loop included.
 */
public final class ArchiveWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveWriter.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    private record Pending(ArchivedAlert version, CompletableFuture<Void> done) {
    }

    private final AlertArchive archive;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    public ArchiveWriter(AlertArchive archive, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.archive = archive;
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::run, "linli-archive-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues one alert version; the future completes once it is committed (or fails if it is malformed). */
    public CompletableFuture<Void> submit(String street, String community, String compound, JsonNode alertVersion) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("archive writer closed"));
            return done;
        }
        try {
            queue.add(new Pending(AlertVersionReader.read(new CompoundRef(street, community, compound), alertVersion), done));
        } catch (MalformedAlertVersionException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Versions waiting for their transaction (a metric for the centre's /metrics). */
    public int backlog() {
        return queue.size();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                writeWithRetry(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        failAll(new IllegalStateException("archive writer closed"));
    }

    private void writeWithRetry(List<Pending> batch) throws InterruptedException {
        long backoff = 1000;
        List<ArchivedAlert> versions = batch.stream().map(Pending::version).toList();
        while (true) {
            try {
                archive.recordAll(versions);
                batch.forEach(p -> p.done().complete(null));
                return;
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    IllegalStateException gone = new IllegalStateException("archive writer closed before the write succeeded", e);
                    batch.forEach(p -> p.done().completeExceptionally(gone));
                    return;
                }
                LOG.warn("Archive write of {} versions failed, retrying in {} ms: {}", versions.size(), backoff, e.toString());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    private void failAll(Exception e) {
        Pending p;
        while ((p = queue.poll()) != null) {
            p.done().completeExceptionally(e);
        }
    }

    /** Writes what is queued (unless the database is failing: then after 10 s the rest fails), then stops the thread. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join();
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
