package org.linli.gateway.alert;

import io.vertx.core.json.JsonObject;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable alert store on the edge box: one SQLite file {@code <dataDir>/alerts/alerts.db} (WAL journal). Each
 * alert is one row holding its latest version as the API JSON (history included), its key and whether it still
 * holds that key; the pending escalation deadline is the JSON's {@code acceptBy}, so restoring the alerts restores
 * the deadlines. Every JDBC call runs on one thread of its own, in submission order; callers get futures and hop
 * back to their event loop themselves ({@code Future.fromCompletionStage(f, context)}). A failed write is logged
 * and counted, never thrown at the event loop.
 */
public final class SqliteAlertStore implements AlertStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteAlertStore.class);

    private final Path file;
    private final ExecutorService jdbc = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "linli-alert-store");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong writeFailures = new AtomicLong();
    private Connection connection;

    /** What the store held at start. */
    public record Snapshot(List<Stored> alerts, Map<String, Instant> away, Map<String, List<WaterSample>> water) {
    }

    /** Water samples are kept this long: the inactivity rule's longest window (24 h) and a margin. */
    static final java.time.Duration WATER_KEEP = java.time.Duration.ofHours(26);

    private SqliteAlertStore(Path file) {
        this.file = file;
    }

    /** Opens (creating if needed) {@code <dataDir>/alerts/alerts.db}; completes on the store's own thread. */
    public static CompletableFuture<SqliteAlertStore> open(Path dataDir) {
        SqliteAlertStore store = new SqliteAlertStore(dataDir.resolve("alerts").resolve("alerts.db"));
        return CompletableFuture.supplyAsync(() -> {
            store.init();
            return store;
        }, store.jdbc);
    }

    private void init() {
        try {
            Files.createDirectories(file.getParent());
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("CREATE TABLE IF NOT EXISTS alerts (id TEXT PRIMARY KEY, alert_key TEXT NOT NULL, "
                        + "key_open INTEGER NOT NULL, state TEXT NOT NULL, version INTEGER NOT NULL, "
                        + "accept_by TEXT, json TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS household_away (household TEXT PRIMARY KEY, until TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS water_samples (meter TEXT NOT NULL, at_ms INTEGER NOT NULL, "
                        + "total REAL NOT NULL, PRIMARY KEY (meter, at_ms))");
            }
            LOG.info("alert store open at {}", file);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the alert store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads every stored alert (oldest first), away flag and water sample (oldest first per meter). */
    public CompletableFuture<Snapshot> load() {
        return CompletableFuture.supplyAsync(() -> {
            List<Stored> alerts = new ArrayList<>();
            Map<String, Instant> away = new LinkedHashMap<>();
            Map<String, List<WaterSample>> water = new LinkedHashMap<>();
            try (Statement s = connection.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT alert_key, key_open, json FROM alerts ORDER BY rowid")) {
                    while (rs.next()) {
                        alerts.add(new Stored(AlertRecordJson.fromJson(new JsonObject(rs.getString(3))),
                                rs.getString(1), rs.getInt(2) != 0));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT household, until FROM household_away")) {
                    while (rs.next()) {
                        away.put(rs.getString(1), Instant.parse(rs.getString(2)));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT meter, at_ms, total FROM water_samples ORDER BY meter, at_ms")) {
                    while (rs.next()) {
                        water.computeIfAbsent(rs.getString(1), m -> new ArrayList<>())
                                .add(new WaterSample(Instant.ofEpochMilli(rs.getLong(2)), rs.getDouble(3)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the alert store " + file + ": " + e.getMessage(), e);
            }
            return new Snapshot(alerts, away, water);
        }, jdbc);
    }

    @Override
    public void save(Alert alert, String key, boolean keyOpen) {
        String json = AlertJson.toJson(alert).encode();
        write("alert " + alert.id() + " v" + alert.version(), c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO alerts (id, alert_key, key_open, state, version, "
                    + "accept_by, json) VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET alert_key=excluded.alert_key, "
                    + "key_open=excluded.key_open, state=excluded.state, version=excluded.version, "
                    + "accept_by=excluded.accept_by, json=excluded.json WHERE excluded.version >= alerts.version")) {
                p.setString(1, alert.id());
                p.setString(2, key);
                p.setInt(3, keyOpen ? 1 : 0);
                p.setString(4, alert.state().name());
                p.setLong(5, alert.version());
                p.setString(6, alert.acceptBy() == null ? null : alert.acceptBy().toString());
                p.setString(7, json);
                p.executeUpdate();
            }
        });
    }

    @Override
    public void saveAway(String household, Instant until) {
        write("away flag of " + household, c -> {
            try (PreparedStatement p = c.prepareStatement(until == null
                    ? "DELETE FROM household_away WHERE household = ?"
                    : "INSERT INTO household_away (household, until) VALUES (?, ?) "
                    + "ON CONFLICT(household) DO UPDATE SET until = excluded.until")) {
                p.setString(1, household);
                if (until != null) {
                    p.setString(2, until.toString());
                }
                p.executeUpdate();
            }
        });
    }

    @Override
    public void saveWaterSample(String meter, Instant at, double totalM3) {
        write("water sample of " + meter, c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO water_samples (meter, at_ms, total) "
                    + "VALUES (?, ?, ?)")) {
                p.setString(1, meter);
                p.setLong(2, at.toEpochMilli());
                p.setDouble(3, totalM3);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM water_samples WHERE meter = ? AND at_ms < ?")) {
                p.setString(1, meter);
                p.setLong(2, at.minus(WATER_KEEP).toEpochMilli());
                p.executeUpdate();
            }
        });
    }

    private interface Write {
        void run(Connection c) throws SQLException;
    }

    private void write(String what, Write w) {
        jdbc.execute(() -> {
            try {
                w.run(connection);
            } catch (SQLException | RuntimeException e) {
                writeFailures.incrementAndGet();
                LOG.error("alert store: {} not saved: {}", what, e.getMessage());
            }
        });
    }

    /** Completes once every write submitted before it is done (tests, and orderly shutdown). */
    public CompletableFuture<Void> flush() {
        return CompletableFuture.runAsync(() -> { }, jdbc);
    }

    public long writeFailures() {
        return writeFailures.get();
    }

    public Path file() {
        return file;
    }

    /** Finishes queued writes, closes the database and its thread. */
    public CompletableFuture<Void> close() {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                LOG.warn("alert store close: {}", e.getMessage());
            }
        }, jdbc);
        jdbc.shutdown(); // already-queued tasks (the close above included) still run
        return done;
    }
}
