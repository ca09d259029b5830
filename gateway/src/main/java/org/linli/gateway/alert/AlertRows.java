package org.linli.gateway.alert;

import org.linli.gateway.alert.AlertQuarantine.Row;
import org.linli.gateway.alert.AlertRecordFormat.UnreadableAlertRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads alerts out of the {@code alerts} table row by row (docs/ALERTS.md, "The alert store and retention"): a row that
 * cannot be read is moved aside ({@link AlertQuarantine}) and skipped, never thrown, so one bad row costs that alert,
 * not the start. Format-1 rows are rewritten in the current format the first time the store is read. Every method
 * runs on the store's thread.
 */
final class AlertRows {
    private static final Logger LOG = LoggerFactory.getLogger(AlertRows.class);
    private static final int UPGRADE_BATCH = 500;

    private final Connection connection;
    private final AlertQuarantine quarantine;

    /**
     * What {@link #restore} found; {@code highestSequence} is the largest {@code <n>} of the stored ids
     * {@code A<n>-...}, in memory or not (0 when none).
     */
    record Restored(List<AlertStore.Stored> alerts, int upgraded, int quarantined, long highestSequence) {
    }

    AlertRows(Connection connection, AlertQuarantine quarantine) {
        this.connection = connection;
        this.quarantine = quarantine;
    }

    /**
     * The alerts to hold in memory, oldest stored first: every non-terminal one, and the terminal ones closed at or
     * after {@code now - retention.closedKeep}, at most {@code retention.closedInMemory} of them (the newest closed).
     * Format-1 rows are first rewritten in the current format (all of them, once: their closing time is in the JSON).
     */
    Restored restore(AlertRetention retention, Instant now) throws SQLException {
        int before = (int) quarantine.count();
        int upgraded = upgradeLegacyRows();
        List<Found> found = new ArrayList<>(read("SELECT " + Row.COLUMNS + " FROM alerts WHERE closed_at_ms IS NULL",
                p -> { }));
        long from = now.minus(retention.closedKeep()).toEpochMilli();
        found.addAll(read("SELECT " + Row.COLUMNS + " FROM alerts WHERE closed_at_ms >= ? "
                + "ORDER BY closed_at_ms DESC, id DESC LIMIT ?", p -> {
            p.setLong(1, from);
            p.setInt(2, retention.closedInMemory());
        }));
        found.sort(Comparator.comparingLong(f -> f.row().rowid()));
        List<AlertStore.Stored> alerts = found.stream()
                .map(f -> new AlertStore.Stored(f.alert(), f.row().key(), f.row().keyOpen())).toList();
        return new Restored(alerts, upgraded, (int) quarantine.count() - before, highestSequence());
    }

    /** The largest sequence number of a stored alert id {@code A<n>-<millis>}: a full scan of the ids, no JSON. */
    private long highestSequence() throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT MAX(CAST(substr(id, 2, instr(id, '-') - 2) "
                + "AS INTEGER)) FROM alerts WHERE id GLOB 'A[0-9]*-*'");
             ResultSet rs = p.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The alert with this id, in memory or not; empty when absent or unreadable (then moved aside). */
    Optional<Alert> find(String id) throws SQLException {
        return read("SELECT " + Row.COLUMNS + " FROM alerts WHERE id = ?", p -> p.setString(1, id)).stream()
                .map(Found::alert).findFirst();
    }

    /** A page of terminal alerts, newest closed first (see {@link AlertStore#closed}). */
    AlertStore.ClosedPage closed(String grid, ClosedCursor before, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + Row.COLUMNS + ", closed_at_ms FROM alerts WHERE closed_at_ms IS NOT NULL");
        if (grid != null) {
            sql.append(" AND grid = ?");
        }
        if (before != null) {
            sql.append(" AND (closed_at_ms, id) < (?, ?)");
        }
        sql.append(" ORDER BY closed_at_ms DESC, id DESC LIMIT ?");
        List<Alert> alerts = new ArrayList<>();
        List<Row> unreadable = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        ClosedCursor last = null;
        boolean more = false;
        try (PreparedStatement p = connection.prepareStatement(sql.toString())) {
            int i = 1;
            if (grid != null) {
                p.setString(i++, grid);
            }
            if (before != null) {
                p.setLong(i++, before.closedAtMs());
                p.setString(i++, before.id());
            }
            p.setInt(i, limit + 1);
            try (ResultSet rs = p.executeQuery()) {
                int seen = 0;
                while (rs.next()) {
                    if (seen == limit) {
                        more = true;
                        break;
                    }
                    seen++;
                    Row row = Row.read(rs);
                    last = new ClosedCursor(rs.getLong(10), row.id());
                    try {
                        alerts.add(AlertRecordFormat.read(row.format(), row.json()));
                    } catch (UnreadableAlertRow e) {
                        unreadable.add(row);
                        reasons.add(e.getMessage());
                    }
                }
            }
        }
        for (int i = 0; i < unreadable.size(); i++) {
            quarantine.moveAside(connection, unreadable.get(i), reasons.get(i));
        }
        return new AlertStore.ClosedPage(alerts, more ? last : null);
    }

    /** Rewrites every format-1 row in the current format, or moves it aside; returns how many were rewritten. */
    private int upgradeLegacyRows() throws SQLException {
        int upgraded = 0;
        long after = -1;
        while (true) {
            List<Row> batch = new ArrayList<>();
            try (PreparedStatement p = connection.prepareStatement("SELECT " + Row.COLUMNS + " FROM alerts "
                    + "WHERE format = ? AND rowid > ? ORDER BY rowid LIMIT " + UPGRADE_BATCH)) {
                p.setInt(1, AlertRecordFormat.LEGACY_API_JSON);
                p.setLong(2, after);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        batch.add(Row.read(rs));
                    }
                }
            }
            if (batch.isEmpty()) {
                break;
            }
            after = batch.get(batch.size() - 1).rowid();
            List<Alert> good = new ArrayList<>();
            List<Row> goodRows = new ArrayList<>();
            List<Row> bad = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (Row row : batch) {
                try {
                    good.add(AlertRecordFormat.read(row.format(), row.json()));
                    goodRows.add(row);
                } catch (UnreadableAlertRow e) {
                    bad.add(row);
                    reasons.add(e.getMessage());
                }
            }
            rewrite(goodRows, good);
            upgraded += good.size();
            for (int i = 0; i < bad.size(); i++) {
                quarantine.moveAside(connection, bad.get(i), reasons.get(i));
            }
        }
        if (upgraded > 0) {
            LOG.info("alert store: {} alerts of format {} rewritten in format {}", upgraded,
                    AlertRecordFormat.LEGACY_API_JSON, AlertRecordFormat.CURRENT);
        }
        return upgraded;
    }

    private void rewrite(List<Row> rows, List<Alert> alerts) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement p = connection.prepareStatement("UPDATE alerts SET format = ?, json = ?, closed_at_ms = ?, "
                + "grid = ? WHERE rowid = ?")) {
            for (int i = 0; i < rows.size(); i++) {
                Alert a = alerts.get(i);
                Instant closedAt = AlertRetention.closedAt(a);
                p.setInt(1, AlertRecordFormat.CURRENT);
                p.setString(2, AlertRecordFormat.encode(a));
                if (closedAt == null) {
                    p.setNull(3, java.sql.Types.INTEGER);
                } else {
                    p.setLong(3, closedAt.toEpochMilli());
                }
                p.setString(4, a.gridId());
                p.setLong(5, rows.get(i).rowid());
                p.addBatch();
            }
            p.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private record Found(Row row, Alert alert) {
    }

    private interface Binder {
        void bind(PreparedStatement p) throws SQLException;
    }

    /** Runs {@code sql} (selecting {@link Row#COLUMNS}), decodes each row, moves unreadable ones aside. */
    private List<Found> read(String sql, Binder binder) throws SQLException {
        List<Found> out = new ArrayList<>();
        List<Row> unreadable = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            binder.bind(p);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Row row = Row.read(rs);
                    try {
                        out.add(new Found(row, AlertRecordFormat.read(row.format(), row.json())));
                    } catch (UnreadableAlertRow e) {
                        unreadable.add(row);
                        reasons.add(e.getMessage());
                    }
                }
            }
        }
        for (int i = 0; i < unreadable.size(); i++) {
            quarantine.moveAside(connection, unreadable.get(i), reasons.get(i));
        }
        return out;
    }
}
