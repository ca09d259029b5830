package org.linli.gateway.alert;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of {@code alerts.db} and the steps from each schema version to the next, recorded in SQLite's
 * {@code PRAGMA user_version} (docs/ALERTS.md). Version 0 is the file as the gateway wrote it before the versioned
 * format (or a new file): table {@code alerts} with the API JSON, {@code household_away}, {@code water_samples}.
 * Version 2 adds to {@code alerts} the row's {@code format} (existing rows: 1, the API JSON), {@code closed_at_ms}
 * (when a CLOSED or DISMISSED alert became so; null while it is not) and {@code grid}, the indexes the open alerts,
 * the retention window and the closed-alert pages are read by, and {@code alerts_quarantine}, where unreadable rows are kept. Runs on
 * the store's thread, once, when the store opens; each step is one transaction.
 */
final class AlertStoreSchema {
    static final int VERSION = 2;

    private AlertStoreSchema() {
    }

    static void migrate(Connection c) throws SQLException {
        int version = userVersion(c);
        if (version > VERSION) {
            throw new SQLException("alerts.db has schema version " + version + ", newer than this gateway's " + VERSION
                    + ": it was written by a newer gateway");
        }
        if (version < 2) {
            inTransaction(c, s -> {
                s.execute("CREATE TABLE IF NOT EXISTS alerts (id TEXT PRIMARY KEY, alert_key TEXT NOT NULL, "
                        + "key_open INTEGER NOT NULL, state TEXT NOT NULL, version INTEGER NOT NULL, "
                        + "accept_by TEXT, json TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS household_away (household TEXT PRIMARY KEY, until TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS water_samples (meter TEXT NOT NULL, at_ms INTEGER NOT NULL, "
                        + "total REAL NOT NULL, PRIMARY KEY (meter, at_ms))");
                s.execute("ALTER TABLE alerts ADD COLUMN format INTEGER NOT NULL DEFAULT " + AlertRecordFormat.LEGACY_API_JSON);
                s.execute("ALTER TABLE alerts ADD COLUMN closed_at_ms INTEGER");
                s.execute("ALTER TABLE alerts ADD COLUMN grid TEXT");
                s.execute("CREATE INDEX alerts_closed ON alerts (closed_at_ms DESC, id DESC) WHERE closed_at_ms IS NOT NULL");
                s.execute("CREATE INDEX alerts_grid_closed ON alerts (grid, closed_at_ms DESC, id DESC) "
                        + "WHERE closed_at_ms IS NOT NULL");
                s.execute("CREATE INDEX alerts_open ON alerts (id) WHERE closed_at_ms IS NULL");
                s.execute("CREATE INDEX alerts_format ON alerts (format)");
                s.execute("CREATE TABLE alerts_quarantine (id TEXT, alert_key TEXT, key_open INTEGER, state TEXT, "
                        + "version INTEGER, accept_by TEXT, format INTEGER, json TEXT, reason TEXT NOT NULL, "
                        + "quarantined_at TEXT NOT NULL)");
                s.execute("PRAGMA user_version = 2");
            });
        }
    }

    private static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    interface Step {
        void run(Statement s) throws SQLException;
    }

    private static void inTransaction(Connection c, Step step) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            step.run(s);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
