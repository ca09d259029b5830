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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable alert store on the edge box: one SQLite file {@code <dataDir>/alerts/alerts.db} (WAL journal; schema in
 * {@link AlertStoreSchema}). Each alert is one row holding its latest version in the versioned storage format
 * ({@link AlertRecordFormat}: the row's {@code format} column says which), its key, whether it still holds that key,
 * and, once CLOSED or DISMISSED, when it became so; the pending escalation deadline is the record's {@code acceptBy},
 * so restoring the alerts restores the deadlines. At start {@link #load} reads the open alerts and the retention
 * window of closed ones row by row: an unreadable row is moved aside ({@link AlertQuarantine}), counted and reported,
 * never a failed start. Every JDBC call runs on one thread of its own, in submission order (so a read sees every
 * write submitted before it); callers get futures and hop back to their event loop themselves
 * ({@code Future.fromCompletionStage(f, context)}). A failed write is logged and counted, never thrown at the event
 * loop.
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
    private final AlertQuarantine quarantine;
    private volatile RestoreReport restoreReport = new RestoreReport(0, 0, 0, 0);
    private Connection connection;
    private AlertRows rows;

    /**
     * What the store held at start: the alerts to hold in memory, away flags, water samples, how the read went, and
     * the highest sequence number of any stored alert id (for {@link AlertService#continueSequenceAfter}).
     */
    public record Snapshot(List<Stored> alerts, Map<String, Instant> away, Map<String, List<WaterSample>> water,
                           RestoreReport report, long highestSequence) {
    }

    /**
     * How the start's read went: alerts restored into memory, format-1 rows rewritten in the current format, rows
     * moved aside as unreadable by this read, and how long the read took.
     */
    public record RestoreReport(int restored, int upgraded, int quarantined, long millis) {
    }

    /** Water samples are kept this long: the inactivity rule's longest window (24 h) and a margin. */
    static final java.time.Duration WATER_KEEP = java.time.Duration.ofHours(26);

    private SqliteAlertStore(Path file, Clock clock) {
        this.file = file;
        this.quarantine = new AlertQuarantine(clock);
    }

    /** Opens (creating or migrating if needed) {@code <dataDir>/alerts/alerts.db}; completes on the store's own thread. */
    public static CompletableFuture<SqliteAlertStore> open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /** As {@link #open(Path)}; {@code clock} stamps quarantined rows. */
    public static CompletableFuture<SqliteAlertStore> open(Path dataDir, Clock clock) {
        SqliteAlertStore store = new SqliteAlertStore(dataDir.resolve("alerts").resolve("alerts.db"), clock);
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
            }
            AlertStoreSchema.migrate(connection);
            quarantine.readBack(connection);
            rows = new AlertRows(connection, quarantine);
            LOG.info("alert store open at {}", file);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the alert store " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the alerts to hold in memory (every non-terminal one, and the terminal ones of {@code retention}'s window
     * counted back from {@code now}; oldest stored first), the away flags and the water samples (oldest first per
     * meter). Unreadable alert rows are moved aside and reported in {@link Snapshot#report()}; only a failing database
     * fails this.
     */
    public CompletableFuture<Snapshot> load(AlertRetention retention, Instant now) {
        return CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            Map<String, Instant> away = new LinkedHashMap<>();
            Map<String, List<WaterSample>> water = new LinkedHashMap<>();
            AlertRows.Restored restored;
            try (Statement s = connection.createStatement()) {
                restored = rows.restore(retention, now);
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
            RestoreReport report = new RestoreReport(restored.alerts().size(), restored.upgraded(),
                    restored.quarantined(), (System.nanoTime() - t0) / 1_000_000);
            restoreReport = report;
            return new Snapshot(restored.alerts(), away, water, report, restored.highestSequence());
        }, jdbc);
    }

    @Override
    public CompletableFuture<Optional<Alert>> find(String id) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return rows.find(id);
            } catch (SQLException e) {
                throw new IllegalStateException("alert store: cannot read alert " + id + ": " + e.getMessage(), e);
            }
        }, jdbc);
    }

    @Override
    public CompletableFuture<ClosedPage> closed(String grid, ClosedCursor before, int limit) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return rows.closed(grid, before, limit);
            } catch (SQLException e) {
                throw new IllegalStateException("alert store: cannot read closed alerts: " + e.getMessage(), e);
            }
        }, jdbc);
    }

    @Override
    public void save(Alert alert, String key, boolean keyOpen) {
        // encoded on the store's thread, not the caller's: the event loop that raises an alarm goes straight on to the
        // alert stream and the notifications (an Alert is immutable)
        write("alert " + alert.id() + " v" + alert.version(), c -> {
            String json = AlertRecordFormat.encode(alert);
            Instant closedAt = AlertRetention.closedAt(alert);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO alerts (id, alert_key, key_open, state, version, "
                    + "accept_by, json, format, closed_at_ms, grid) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE "
                    + "SET alert_key=excluded.alert_key, key_open=excluded.key_open, state=excluded.state, "
                    + "version=excluded.version, accept_by=excluded.accept_by, json=excluded.json, format=excluded.format, "
                    + "closed_at_ms=excluded.closed_at_ms, grid=excluded.grid WHERE excluded.version >= alerts.version")) {
                p.setString(1, alert.id());
                p.setString(2, key);
                p.setInt(3, keyOpen ? 1 : 0);
                p.setString(4, alert.state().name());
                p.setLong(5, alert.version());
                p.setString(6, alert.acceptBy() == null ? null : alert.acceptBy().toString());
                p.setString(7, json);
                p.setInt(8, AlertRecordFormat.CURRENT);
                if (closedAt == null) {
                    p.setNull(9, java.sql.Types.INTEGER);
                } else {
                    p.setLong(9, closedAt.toEpochMilli());
                }
                p.setString(10, alert.gridId());
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

    /** Rows kept aside in {@code alerts_quarantine} as unreadable (by this start and earlier ones). */
    public long quarantined() {
        return quarantine.count();
    }

    /**
     * What {@code /api/status} shows as {@code alertStore}: {@code writeFailures}, {@code restored}, {@code upgraded},
     * {@code restoreMillis} (the start's read), {@code quarantined} (rows in the quarantine table) and
     * {@code quarantine}: the newest of them, {@code [{id, reason, at}]}. Any thread.
     */
    public JsonObject statusJson() {
        RestoreReport r = restoreReport;
        return new JsonObject().put("writeFailures", writeFailures.get()).put("restored", r.restored())
                .put("upgraded", r.upgraded()).put("restoreMillis", r.millis()).put("quarantined", quarantine.count())
                .put("quarantine", quarantine.toJson());
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
