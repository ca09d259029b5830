package org.linli.gateway.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each device's last-seen time on disk, so the console's device tiles do not say 未上报 for every device after a
 * restart (docs/CONSOLE.md): one SQLite file {@code <dataDir>/console/last-seen.db}, a row per device. The gateway
 * hands it the times changed in the last minute ({@link DeviceActivity#takeChanged()}) in one transaction, so the
 * disk sees one write a minute however many readings arrive. JDBC runs on this file's own thread; {@link #save}
 * only queues. A failed write is logged and counted.
 */
public final class DeviceLastSeenFile {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceLastSeenFile.class);

    private final Path file;
    private final ExecutorService jdbc = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "linli-last-seen-file");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong writeFailures = new AtomicLong();
    private Connection connection;
    private Map<String, Instant> stored = Map.of();

    private DeviceLastSeenFile(Path file) {
        this.file = file;
    }

    /** Opens (creating if needed) {@code <dataDir>/console/last-seen.db} and reads it; completes on its thread. */
    public static CompletableFuture<DeviceLastSeenFile> open(Path dataDir) {
        DeviceLastSeenFile f = new DeviceLastSeenFile(dataDir.resolve("console").resolve("last-seen.db"));
        return CompletableFuture.supplyAsync(() -> {
            f.init();
            return f;
        }, f.jdbc);
    }

    private void init() {
        try {
            Files.createDirectories(file.getParent());
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("CREATE TABLE IF NOT EXISTS last_seen (device TEXT PRIMARY KEY, at_ms INTEGER NOT NULL)");
                Map<String, Instant> read = new HashMap<>();
                try (ResultSet rs = s.executeQuery("SELECT device, at_ms FROM last_seen")) {
                    while (rs.next()) {
                        read.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
                    }
                }
                stored = Map.copyOf(read);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the last-seen file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The times the file held when it was opened. */
    public Map<String, Instant> stored() {
        return stored;
    }

    /** Queues one transaction writing these times (a device's newer time replaces its older one). */
    public void save(Map<String, Instant> changed) {
        if (changed.isEmpty() || jdbc.isShutdown()) {
            return;
        }
        Map<String, Instant> batch = Map.copyOf(changed);
        jdbc.execute(() -> {
            try {
                connection.setAutoCommit(false);
                try (PreparedStatement p = connection.prepareStatement("INSERT INTO last_seen (device, at_ms) "
                        + "VALUES (?, ?) ON CONFLICT(device) DO UPDATE SET at_ms = MAX(at_ms, excluded.at_ms)")) {
                    for (Map.Entry<String, Instant> e : batch.entrySet()) {
                        p.setString(1, e.getKey());
                        p.setLong(2, e.getValue().toEpochMilli());
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                writeFailures.incrementAndGet();
                LOG.error("last-seen file {}: {} time(s) not saved: {}", file, batch.size(), e.getMessage());
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the connection is broken: the next save reports again
                }
            } finally {
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // as above
                }
            }
        });
    }

    public long writeFailures() {
        return writeFailures.get();
    }

    /** Completes once every save queued before it is written. */
    public CompletableFuture<Void> flush() {
        return CompletableFuture.runAsync(() -> { }, jdbc);
    }

    /** Finishes queued saves, then closes the database and its thread. */
    public CompletableFuture<Void> close() {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                LOG.warn("last-seen file close: {}", e.getMessage());
            }
        }, jdbc);
        jdbc.shutdown();
        return done;
    }
}
