package org.linli.gateway.auth;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable copy of the console's sessions, so a gateway restart logs nobody out (docs/CONSOLE.md): one SQLite file
 * {@code <dataDir>/console/sessions.db}, a row per session with the SHA-256 of its cookie id (never the id), the user
 * id, the CSRF token, login time and last use. Every JDBC call runs on this file's own thread in submission order;
 * the {@link SessionStore.Persistence} methods only queue work, so the event loop never waits. A failed write is
 * logged and counted: the session still works until the next restart.
 */
public final class SessionFile implements SessionStore.Persistence {
    private static final Logger LOG = LoggerFactory.getLogger(SessionFile.class);

    /** One stored session as read back at start. */
    public record Row(String key, String userId, String csrfToken, Instant created, Instant lastUsed) {
    }

    private final Path file;
    private final ExecutorService jdbc = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "linli-session-file");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong writeFailures = new AtomicLong();
    private Connection connection;
    private List<Row> rows = List.of();

    private SessionFile(Path file) {
        this.file = file;
    }

    /** Opens (creating if needed) {@code <dataDir>/console/sessions.db} and reads its rows; completes on its thread. */
    public static CompletableFuture<SessionFile> open(Path dataDir) {
        SessionFile f = new SessionFile(dataDir.resolve("console").resolve("sessions.db"));
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
                s.execute("CREATE TABLE IF NOT EXISTS sessions (key TEXT PRIMARY KEY, user_id TEXT NOT NULL, "
                        + "csrf TEXT NOT NULL, created_ms INTEGER NOT NULL, last_used_ms INTEGER NOT NULL)");
                List<Row> read = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT key, user_id, csrf, created_ms, last_used_ms FROM sessions")) {
                    while (rs.next()) {
                        read.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5))));
                    }
                }
                rows = List.copyOf(read);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the session file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The sessions the file held when it was opened. */
    public List<Row> rows() {
        return rows;
    }

    @Override
    public void saved(Session s) {
        String key = s.key();
        String user = s.user().id();
        String csrf = s.csrfToken();
        long created = s.created().toEpochMilli();
        long used = s.lastUsed().toEpochMilli();
        write("INSERT OR REPLACE INTO sessions (key, user_id, csrf, created_ms, last_used_ms) VALUES (?,?,?,?,?)", p -> {
            p.setString(1, key);
            p.setString(2, user);
            p.setString(3, csrf);
            p.setLong(4, created);
            p.setLong(5, used);
        });
    }

    @Override
    public void used(String key, Instant lastUsed) {
        write("UPDATE sessions SET last_used_ms = ? WHERE key = ?", p -> {
            p.setLong(1, lastUsed.toEpochMilli());
            p.setString(2, key);
        });
    }

    @Override
    public void removed(String key) {
        write("DELETE FROM sessions WHERE key = ?", p -> p.setString(1, key));
    }

    private interface Binder {
        void bind(PreparedStatement p) throws SQLException;
    }

    private void write(String sql, Binder binder) {
        if (jdbc.isShutdown()) {
            return;   // stopping: the sessions already written are what the next start reads
        }
        jdbc.execute(() -> {
            try (PreparedStatement p = connection.prepareStatement(sql)) {
                binder.bind(p);
                p.executeUpdate();
            } catch (SQLException | RuntimeException e) {
                writeFailures.incrementAndGet();
                LOG.error("session file {}: a change was not saved: {}", file, e.getMessage());
            }
        });
    }

    Path file() {
        return file;
    }

    public long writeFailures() {
        return writeFailures.get();
    }

    /** Completes once every change queued before it is written (tests, and an orderly stop). */
    public CompletableFuture<Void> flush() {
        return CompletableFuture.runAsync(() -> { }, jdbc);
    }

    /** Finishes queued writes, then closes the database and its thread. */
    public CompletableFuture<Void> close() {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                LOG.warn("session file close: {}", e.getMessage());
            }
        }, jdbc);
        jdbc.shutdown();
        return done;
    }
}
