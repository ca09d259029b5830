package org.linli.archive.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Lists archived alerts by street / community / compound / grid, type and period, newest first, a page at a time
 * (served by the {@code (scope column, raised_at)} indexes). Blocking JDBC, from a worker thread.
 */
public final class AlertSearch {
    private final DataSource db;

    public AlertSearch(DataSource db) {
        this.db = db;
    }

    public AlertPage find(AlertFilter f) throws SQLException {
        List<Object> params = ArchiveScope.params();
        params.add(f.period().from());
        params.add(f.period().to());
        StringBuilder sql = new StringBuilder("""
                SELECT street, community, compound, alert_id, grid, type, severity, state, raised_at, accepted_at,
                       on_site_at, resolved_at, verified_at, outcome, escalation_level, version, json::text AS json
                FROM alerts WHERE raised_at >= ? AND raised_at < ?""");
        sql.append(f.scope().where(params, true));
        if (f.type() != null) {
            sql.append(" AND type = ?");
            params.add(f.type());
        }
        sql.append(" ORDER BY raised_at DESC, compound, alert_id LIMIT ? OFFSET ?");
        params.add(f.limit() + 1);
        params.add(f.offset());
        List<AlertRow> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = Sql.prepare(c, sql.toString(), params);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        boolean more = rows.size() > f.limit();
        return new AlertPage(more ? rows.subList(0, f.limit()) : rows, more);
    }

    private static AlertRow row(ResultSet rs) throws SQLException {
        return new AlertRow(rs.getString("street"), rs.getString("community"), rs.getString("compound"),
                rs.getString("alert_id"), rs.getString("grid"), rs.getString("type"), rs.getString("severity"),
                rs.getString("state"), Sql.instant(rs, "raised_at"), Sql.instant(rs, "accepted_at"),
                Sql.instant(rs, "on_site_at"), Sql.instant(rs, "resolved_at"), Sql.instant(rs, "verified_at"),
                rs.getString("outcome"), rs.getInt("escalation_level"), rs.getLong("version"), rs.getString("json"));
    }
}
