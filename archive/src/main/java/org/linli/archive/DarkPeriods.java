package org.linli.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Writes the periods a compound's box was dark (unreachable) into {@code compound_reachability}. Unreachable at t
 * opens a period from t unless one is open or a recorded period already covers t (a replay); reachable at t closes
 * the open period that began at or before t (a repeat or an early "reachable" changes nothing). One statement each,
 * so two replicas recording the same change leave one period (the partial unique index allows one open period).
 * Blocking JDBC, from a worker thread.
 */
final class DarkPeriods {
    private static final String OPEN = """
            INSERT INTO compound_reachability (compound, street, community, dark_from)
            SELECT ?, ?, ?, ?
            WHERE NOT EXISTS (SELECT 1 FROM compound_reachability
                              WHERE compound = ? AND dark_from <= ? AND (dark_to IS NULL OR dark_to > ?))
            ON CONFLICT DO NOTHING""";
    private static final String CLOSE = """
            UPDATE compound_reachability SET dark_to = ?
            WHERE compound = ? AND dark_to IS NULL AND dark_from <= ?""";

    private final DataSource db;

    DarkPeriods(DataSource db) {
        this.db = db;
    }

    void record(CompoundRef where, boolean reachable, Instant at) throws SQLException {
        try (Connection c = db.getConnection()) {
            if (reachable) {
                try (PreparedStatement ps = c.prepareStatement(CLOSE)) {
                    Jdbc.setInstant(ps, 1, at);
                    ps.setString(2, where.compound());
                    Jdbc.setInstant(ps, 3, at);
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(OPEN)) {
                    ps.setString(1, where.compound());
                    ps.setString(2, where.street());
                    ps.setString(3, where.community());
                    Jdbc.setInstant(ps, 4, at);
                    ps.setString(5, where.compound());
                    Jdbc.setInstant(ps, 6, at);
                    Jdbc.setInstant(ps, 7, at);
                    ps.executeUpdate();
                }
            }
        }
    }
}
