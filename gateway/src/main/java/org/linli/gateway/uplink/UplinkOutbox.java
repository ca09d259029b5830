package org.linli.gateway.uplink;

import io.vertx.core.json.JsonObject;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertJson;
import org.linli.gateway.alert.AlertListener;
import org.linli.gateway.queue.OutboxLog;
import org.linli.gateway.queue.QueuedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The uplink's durable outbox: every alert version, as the JSON of {@link AlertJson}, appended and fsynced to an
 * {@link OutboxLog} under {@code <dataDir>/uplink} before anything is sent. {@link #onAlert} is called on the event
 * loop and only hands the version to the outbox's own I/O thread, which appends in arrival order; the publisher
 * thread reads and commits under the same lock.
 * <p>
 * Full: while the log holds {@code maxBytes} or more, a new version is not written; it is counted in
 * {@link #refusedFull()} and logged. The alert itself stays in the gateway; the centre's {@code resend} command
 * (docs/CENTRE.md, not built yet) brings the centre's picture up to date.
 */
public final class UplinkOutbox implements AlertListener {
    private static final Logger LOG = LoggerFactory.getLogger(UplinkOutbox.class);
    static final long SEGMENT_BYTES = 4L << 20;

    private final OutboxLog log;
    private final long maxBytes;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final ExecutorService io;
    private final LongAdder refusedFull = new LongAdder();
    private final LongAdder diskErrors = new LongAdder();
    private boolean closed;

    private UplinkOutbox(OutboxLog log, long maxBytes, Clock clock) {
        this.log = log;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "linli-uplink-io");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens (and recovers) the outbox in {@code dir}; what a previous run left uncommitted is sent again. */
    public static UplinkOutbox open(Path dir, long maxBytes, Clock clock) throws IOException {
        return new UplinkOutbox(OutboxLog.open(dir, SEGMENT_BYTES), maxBytes, clock);
    }

    @Override
    public void onAlert(Alert alert, boolean isNew) {
        String json = AlertJson.toJson(alert).encode();
        try {
            io.execute(() -> append(json));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("uplink outbox closed: alert {} version {} not written", alert.id(), alert.version());
        }
    }

    /** Appends one alert JSON durably (on the calling thread); used by {@link #onAlert} on the I/O thread. */
    void append(String json) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (log.bytes() >= maxBytes) {
                refusedFull.increment();
                LOG.warn("uplink outbox full ({} bytes, quota {}): an alert version is not sent to the centre",
                        log.bytes(), maxBytes);
                return;
            }
            log.appendDurably(json, clock.millis());
            appended.signalAll();
        } catch (IOException e) {
            diskErrors.increment();
            LOG.error("uplink outbox: could not write an alert version: {}", e.toString());
        } finally {
            lock.unlock();
        }
    }

    /**
     * The oldest record not yet committed, waiting up to {@code waitMillis} for one; null when none came or the
     * outbox is closed.
     */
    QueuedRecord head(long waitMillis) throws IOException, InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
            while (!closed && log.depth() == 0 && nanos > 0) {
                nanos = appended.awaitNanos(nanos);
            }
            if (closed || log.depth() == 0) {
                return null;
            }
            List<QueuedRecord> r = log.read(1);
            return r.isEmpty() ? null : r.get(0);
        } finally {
            lock.unlock();
        }
    }

    /** Moves the committed position past {@code record}, durably: it will not be sent again. */
    void commit(QueuedRecord record) throws IOException {
        lock.lock();
        try {
            if (!closed) {
                log.commit(List.of(record));
            }
        } finally {
            lock.unlock();
        }
    }

    public long depth() {
        lock.lock();
        try {
            return log.depth();
        } finally {
            lock.unlock();
        }
    }

    /** Age in seconds of the oldest version not yet acknowledged by the broker, or -1 when the outbox is empty. */
    public long oldestAgeSeconds() {
        lock.lock();
        try {
            long t = closed ? -1 : log.oldestMillis();
            return t < 0 ? -1 : Math.max(0, (clock.millis() - t) / 1000);
        } catch (IOException e) {
            return -1;
        } finally {
            lock.unlock();
        }
    }

    public long bytes() {
        lock.lock();
        try {
            return log.bytes();
        } finally {
            lock.unlock();
        }
    }

    public long refusedFull() {
        return refusedFull.sum();
    }

    public long diskErrors() {
        return diskErrors.sum();
    }

    /** Writes what was handed over, then closes the log; wakes a publisher waiting for records. */
    public void close() throws IOException, InterruptedException {
        io.shutdown();
        io.awaitTermination(10, TimeUnit.SECONDS);
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                appended.signalAll();
                log.close();
            }
        } finally {
            lock.unlock();
        }
    }
}
