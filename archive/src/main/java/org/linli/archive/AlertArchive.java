package org.linli.archive;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Writes alert versions to the archive, idempotently: one row per (compound, alert id) holding its highest version
 * (an older or equal version changes nothing), and one row per history line (inserted once, whatever the number of
 * versions that carry it). So duplicated, reordered and replayed versions give the same tables as one clean pass.
 * Blocking JDBC: call it from a worker thread ({@link ArchiveWriter} does), never from an event loop.
 */
public final class AlertArchive {
    private static final String UPSERT = """
            INSERT INTO alerts (compound, alert_id, street, community, grid, type, severity, state, raised_at,
                                accepted_at, on_site_at, resolved_at, verified_at, outcome, escalation_level, version, json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (compound, alert_id) DO UPDATE SET
                street = EXCLUDED.street, community = EXCLUDED.community, grid = EXCLUDED.grid, type = EXCLUDED.type,
                severity = EXCLUDED.severity, state = EXCLUDED.state, raised_at = EXCLUDED.raised_at,
                accepted_at = EXCLUDED.accepted_at, on_site_at = EXCLUDED.on_site_at,
                resolved_at = EXCLUDED.resolved_at, verified_at = EXCLUDED.verified_at, outcome = EXCLUDED.outcome,
                escalation_level = GREATEST(alerts.escalation_level, EXCLUDED.escalation_level),
                version = EXCLUDED.version, json = EXCLUDED.json, archived_at = now()
            WHERE alerts.version < EXCLUDED.version""";
    private static final String TRANSITION = """
            INSERT INTO alert_transitions (compound, alert_id, seq, action, by_whom, at, from_state, to_state, outcome, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private final DataSource db;
    private final DarkPeriods darkPeriods;

    public AlertArchive(DataSource db) {
        this.db = db;
        this.darkPeriods = new DarkPeriods(db);
    }

    /** Archives one alert version (the payload of {@code linli/v1/{street}/{community}/{compound}/alert}). */
    public void record(String street, String community, String compound, JsonNode alertVersion) throws SQLException {
        recordAll(List.of(AlertVersionReader.read(new CompoundRef(street, community, compound), alertVersion)));
    }

    /**
     * Archives many versions in one transaction. Within the batch only each alert's highest version is written: its
     * history holds every line of the lower ones (a history only grows), and the upsert keeps the highest anyway.
     * Rows are written in key order, so two writers whose batches overlap (a replica failing over) lock them in the
     * same order and cannot deadlock. Returns how many alert rows were inserted or moved to a newer version.
     */
    public int recordAll(Collection<ArchivedAlert> versions) throws SQLException {
        Map<String, ArchivedAlert> highest = new TreeMap<>();
        for (ArchivedAlert a : versions) {
            highest.merge(a.key(), a, (x, y) -> y.version() > x.version() ? y : x);
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement up = c.prepareStatement(UPSERT); PreparedStatement tr = c.prepareStatement(TRANSITION)) {
                for (ArchivedAlert a : highest.values()) {
                    bindAlert(up, a);
                    up.addBatch();
                    for (ArchivedTransition t : a.history()) {
                        bindTransition(tr, a, t);
                        tr.addBatch();
                    }
                }
                int changed = 0;
                for (int n : up.executeBatch()) {
                    changed += Math.max(n, 0);
                }
                tr.executeBatch();
                c.commit();
                return changed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Records that a compound's box became unreachable ({@code reachable} false: a dark period starts) or reachable
     * again (the open dark period ends). {@code at} is when the centre saw it. Idempotent; see {@link DarkPeriods}.
     */
    public void recordReachability(String street, String community, String compound, boolean reachable, Instant at)
            throws SQLException {
        darkPeriods.record(new CompoundRef(street, community, compound), reachable, at);
    }

    private static void bindAlert(PreparedStatement ps, ArchivedAlert a) throws SQLException {
        ps.setString(1, a.where().compound());
        ps.setString(2, a.id());
        ps.setString(3, a.where().street());
        ps.setString(4, a.where().community());
        ps.setString(5, a.grid());
        ps.setString(6, a.type());
        ps.setString(7, a.severity());
        ps.setString(8, a.state());
        Jdbc.setInstant(ps, 9, a.raisedAt());
        Jdbc.setInstant(ps, 10, a.acceptedAt());
        Jdbc.setInstant(ps, 11, a.onSiteAt());
        Jdbc.setInstant(ps, 12, a.resolvedAt());
        Jdbc.setInstant(ps, 13, a.verifiedAt());
        ps.setString(14, a.outcome());
        ps.setInt(15, a.escalationLevel());
        ps.setLong(16, a.version());
        ps.setString(17, a.json());
    }

    private static void bindTransition(PreparedStatement ps, ArchivedAlert a, ArchivedTransition t) throws SQLException {
        ps.setString(1, a.where().compound());
        ps.setString(2, a.id());
        ps.setInt(3, t.seq());
        ps.setString(4, t.action());
        ps.setString(5, t.by());
        Jdbc.setInstant(ps, 6, t.at());
        ps.setString(7, t.from());
        ps.setString(8, t.to());
        ps.setString(9, t.outcome());
        ps.setString(10, t.note());
    }
}
