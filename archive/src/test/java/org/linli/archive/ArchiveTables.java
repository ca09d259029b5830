package org.linli.archive;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the archive's tables back in a fixed order, as text lines, so a test can compare whole tables. */
final class ArchiveTables {
    private ArchiveTables() {
    }

    static List<String> alerts(DataSource db) throws SQLException {
        return lines(db, """
                SELECT concat_ws('|', compound, alert_id, street, community, grid, type, severity, state, raised_at,
                       accepted_at, on_site_at, resolved_at, verified_at, outcome, escalation_level, version,
                       json->>'version', json->>'state') FROM alerts ORDER BY compound, alert_id""");
    }

    static List<String> transitions(DataSource db) throws SQLException {
        return lines(db, """
                SELECT concat_ws('|', compound, alert_id, seq, action, by_whom, at, from_state, to_state, outcome, note)
                FROM alert_transitions ORDER BY compound, alert_id, seq""");
    }

    static List<String> darkPeriods(DataSource db) throws SQLException {
        return lines(db, """
                SELECT concat_ws('|', compound, street, community, dark_from, coalesce(dark_to::text, 'open'))
                FROM compound_reachability ORDER BY compound, dark_from""");
    }

    private static List<String> lines(DataSource db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
