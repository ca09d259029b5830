package org.linli.centre.archive;

import org.linli.archive.AlertArchive;
import org.linli.archive.ArchiveDatabase;
import org.linli.archive.ArchiveWriter;
import org.linli.archive.query.AlertSearch;
import org.linli.archive.query.ArchiveStatistics;
import org.linli.archive.report.MonthlyReports;
import org.linli.centre.config.ArchiveOptions;
import org.linli.gateway.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The centre's handle on the archive's PostgreSQL: opens the pool and runs the migrations on its own thread
 * ({@code linli-centre-archive-open}), trying again with {@link Backoff} (1 s to 30 s) while the database is down, so a
 * replica starts and serves its live picture without it. {@link #opened()} completes once it is open; until then
 * alert versions wait (unacknowledged) and the archive's routes answer 503.
 */
public final class ArchiveConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveConnection.class);
    static final int MAX_BATCH = 500;

    /** The open archive: its writer (one thread) and the blocking query objects (call them on worker threads). */
    public record Opened(ArchiveDatabase database, AlertArchive archive, ArchiveWriter writer, AlertSearch search,
                         ArchiveStatistics statistics, MonthlyReports reports) {
    }

    private final ArchiveOptions options;
    private final String password;
    private final CompletableFuture<Opened> opened = new CompletableFuture<>();
    private final Object lock = new Object();
    private volatile boolean closed;
    private volatile String lastError = "not opened yet";
    private Thread thread;

    public ArchiveConnection(ArchiveOptions options, String password) {
        this.options = options;
        this.password = password;
    }

    public void start() {
        thread = new Thread(this::open, "linli-centre-archive-open");
        thread.setDaemon(true);
        thread.start();
    }

    private void open() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        while (!closed) {
            try {
                ArchiveDatabase db = ArchiveDatabase.open(options.jdbcUrl(), options.user(), password,
                        options.poolSizeOrDefault());
                AlertArchive archive = new AlertArchive(db.dataSource());
                ArchiveStatistics statistics = new ArchiveStatistics(db.dataSource(), Clock.systemUTC());
                Opened o = new Opened(db, archive, new ArchiveWriter(archive, MAX_BATCH),
                        new AlertSearch(db.dataSource()), statistics, new MonthlyReports(statistics, Clock.systemUTC()));
                synchronized (lock) {
                    if (closed) {
                        close(o);
                        return;
                    }
                    lastError = null;
                    opened.complete(o);
                }
                LOG.info("alert archive open at {}", options.jdbcUrl());
                return;
            } catch (RuntimeException e) {
                lastError = e.getMessage();
                long ms = backoff.next().toMillis();
                LOG.warn("alert archive at {} not opened ({}); trying again in {} ms", options.jdbcUrl(),
                        e.toString(), ms);
                synchronized (lock) {
                    try {
                        lock.wait(ms);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    public CompletableFuture<Opened> opened() {
        return opened;
    }

    /** The open archive, or empty while the database has not been reached yet. */
    public Optional<Opened> now() {
        return Optional.ofNullable(opened.getNow(null));
    }

    /** Why it is not open yet (null once open). */
    public String lastError() {
        return lastError;
    }

    /** Writes what the writer holds (up to 10 s while the database fails), then closes the pool. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        opened.completeExceptionally(new IllegalStateException("archive closed"));
        now().ifPresent(ArchiveConnection::close);
    }

    private static void close(Opened o) {
        o.writer().close();
        o.database().close();
    }
}
