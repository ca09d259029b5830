package org.linli.gateway.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Unreadable alert rows, kept aside: {@link #moveAside} copies the row with the reason and the time into
 * {@code alerts_quarantine} (never deleted by the gateway) and removes it from {@code alerts}, in one transaction, and
 * logs it once. It also keeps what {@code /api/status} and {@code /metrics} report: how many rows the quarantine
 * table holds and the newest {@value #SHOWN} of them with their reasons. {@link #moveAside} and {@link #readBack} run
 * on the store's thread; the report is read from any thread.
 */
final class AlertQuarantine {
    private static final Logger LOG = LoggerFactory.getLogger(AlertQuarantine.class);
    /** How many quarantined rows {@code /api/status} lists (the newest); the table keeps all of them. */
    static final int SHOWN = 20;

    /** A stored row as it is on disk, for reading and, if unreadable, for keeping aside unchanged. */
    record Row(long rowid, String id, String key, boolean keyOpen, String state, long version, String acceptBy,
               int format, String json) {
        static final String COLUMNS = "rowid, id, alert_key, key_open, state, version, accept_by, format, json";

        static Row read(ResultSet rs) throws SQLException {
            return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0, rs.getString(5),
                    rs.getLong(6), rs.getString(7), rs.getInt(8), rs.getString(9));
        }
    }

    /** One quarantined row as reported: its alert id, why it could not be read, and when it was put aside. */
    record Entry(String id, String reason, String at) {
    }

    private final Clock clock;
    private long count;
    private final Deque<Entry> newest = new ArrayDeque<>();

    AlertQuarantine(Clock clock) {
        this.clock = clock;
    }

    /** Reads what the table already holds (rows kept aside by earlier starts) into the report. */
    void readBack(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            long n;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM alerts_quarantine")) {
                n = rs.next() ? rs.getLong(1) : 0;
            }
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id, reason, quarantined_at FROM alerts_quarantine "
                    + "ORDER BY rowid DESC LIMIT " + SHOWN)) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            synchronized (this) {
                count = n;
                newest.clear();
                entries.forEach(newest::addLast);
            }
        }
    }

    /** Keeps {@code row} aside with {@code reason} and removes it from {@code alerts}; a failure is logged, not thrown. */
    void moveAside(Connection c, Row row, String reason) {
        String at = clock.instant().toString();
        boolean auto = true;
        try {
            auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement in = c.prepareStatement("INSERT INTO alerts_quarantine (id, alert_key, key_open, "
                    + "state, version, accept_by, format, json, reason, quarantined_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement out = c.prepareStatement("DELETE FROM alerts WHERE rowid = ?")) {
                in.setString(1, row.id());
                in.setString(2, row.key());
                in.setInt(3, row.keyOpen() ? 1 : 0);
                in.setString(4, row.state());
                in.setLong(5, row.version());
                in.setString(6, row.acceptBy());
                in.setInt(7, row.format());
                in.setString(8, row.json());
                in.setString(9, reason);
                in.setString(10, at);
                in.executeUpdate();
                out.setLong(1, row.rowid());
                out.executeUpdate();
            }
            c.commit();
            LOG.error("alert store: alert {} cannot be read and was moved to alerts_quarantine: {}", row.id(), reason);
        } catch (SQLException e) {
            rollback(c);
            LOG.error("alert store: alert {} cannot be read ({}) and could not be moved aside either: {}", row.id(),
                    reason, e.getMessage());
        } finally {
            restore(c, auto);
        }
        synchronized (this) {
            count++;
            newest.addFirst(new Entry(row.id(), reason, at));
            while (newest.size() > SHOWN) {
                newest.removeLast();
            }
        }
    }

    /** Rows the quarantine table holds (reported since the last start's read-back). */
    synchronized long count() {
        return count;
    }

    /** {@code [{id, reason, at}]}, the newest first, at most {@value #SHOWN}. */
    synchronized JsonArray toJson() {
        JsonArray out = new JsonArray();
        newest.forEach(e -> out.add(new JsonObject().put("id", e.id()).put("reason", e.reason()).put("at", e.at())));
        return out;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is failing already; the error is logged by the caller
        }
    }

    private static void restore(Connection c, boolean auto) {
        try {
            c.setAutoCommit(auto);
        } catch (SQLException ignored) {
            // as above
        }
    }
}
