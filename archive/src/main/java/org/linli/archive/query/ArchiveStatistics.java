package org.linli.archive.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The statistics of a scope and period ({@link ScopeStatistics}), for the scope as a whole or per compound in it.
 * Percentiles are not additive, so the whole is computed by its own query, never from the compounds' figures. An open
 * dark period counts up to the clock's now. Percentiles are rounded to the millisecond (history times have no finer
 * precision), so the interpolation's floating-point noise never shows. Blocking JDBC, from a worker thread.
 */
public final class ArchiveStatistics {
    private static final String ALERTS = """
            SELECT %s AS k, count(*) AS alerts,
                   count(accepted_at) AS accepted,
                   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - raised_at))::numeric, 3) AS accept_p50,
                   round(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - raised_at))::numeric, 3) AS accept_p90,
                   count(on_site_at) AS on_site,
                   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM on_site_at - raised_at))::numeric, 3) AS on_site_p50,
                   round(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM on_site_at - raised_at))::numeric, 3) AS on_site_p90,
                   count(resolved_at) AS handled,
                   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - raised_at))::numeric, 3) AS handled_p50,
                   round(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - raised_at))::numeric, 3) AS handled_p90,
                   count(outcome) AS with_outcome,
                   count(*) FILTER (WHERE outcome LIKE 'FALSE\\_ALARM\\_%%') AS false_alarms,
                   count(*) FILTER (WHERE escalation_level > 0) AS escalated
            FROM alerts WHERE raised_at >= ? AND raised_at < ?%s
            GROUP BY 1""";
    private static final String ESCALATIONS = """
            SELECT %s AS k, escalation_level AS level, count(*) AS n
            FROM alerts WHERE raised_at >= ? AND raised_at < ? AND escalation_level > 0%s
            GROUP BY 1, 2""";
    private static final String DARK = """
            SELECT %s AS k, count(*) AS periods,
                   sum(GREATEST(0, extract(epoch FROM LEAST(COALESCE(dark_to, ?), ?) - GREATEST(dark_from, ?)))) AS seconds
            FROM compound_reachability
            WHERE dark_from < ? AND COALESCE(dark_to, 'infinity'::timestamptz) > ?%s
            GROUP BY 1""";
    private static final String WHOLE = "''::text";
    private static final String PER_COMPOUND = "compound";

    private final DataSource db;
    private final Clock clock;

    public ArchiveStatistics(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The scope's figures as a whole. */
    public ScopeStatistics of(ArchiveScope scope, Period period) throws SQLException {
        return compute(scope, period, WHOLE).getOrDefault("", ScopeStatistics.EMPTY);
    }

    /** The figures of each compound in the scope that had an alert or a dark period in the period, by compound id. */
    public Map<String, ScopeStatistics> byCompound(ArchiveScope scope, Period period) throws SQLException {
        return compute(scope, period, PER_COMPOUND);
    }

    private Map<String, ScopeStatistics> compute(ArchiveScope scope, Period period, String key) throws SQLException {
        Map<String, ScopeStatistics> out = new TreeMap<>();
        try (Connection c = db.getConnection()) {
            List<Object> p = periodParams(period);
            try (PreparedStatement ps = Sql.prepare(c, ALERTS.formatted(key, scope.where(p, true)), p);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString("k"), alertFigures(rs));
                }
            }
            Map<String, Map<Integer, Long>> levels = new HashMap<>();
            p = periodParams(period);
            try (PreparedStatement ps = Sql.prepare(c, ESCALATIONS.formatted(key, scope.where(p, true)), p);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    levels.computeIfAbsent(rs.getString("k"), k -> new TreeMap<>()).put(rs.getInt("level"), rs.getLong("n"));
                }
            }
            levels.forEach((k, byLevel) -> out.computeIfPresent(k, (kk, s) -> s.withEscalations(byLevel)));
            p = new ArrayList<>(List.of(clock.instant(), period.to(), period.from(), period.to(), period.from()));
            try (PreparedStatement ps = Sql.prepare(c, DARK.formatted(key, scope.where(p, false)), p);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString("k"), out.getOrDefault(rs.getString("k"), ScopeStatistics.EMPTY)
                            .withDark(rs.getLong("periods"), rs.getDouble("seconds")));
                }
            }
        }
        return out;
    }

    private static List<Object> periodParams(Period period) {
        List<Object> p = ArchiveScope.params();
        p.add(period.from());
        p.add(period.to());
        return p;
    }

    private static ScopeStatistics alertFigures(ResultSet rs) throws SQLException {
        long withOutcome = rs.getLong("with_outcome");
        long falseAlarms = rs.getLong("false_alarms");
        return new ScopeStatistics(rs.getLong("alerts"),
                steps(rs, "accepted", "accept"), steps(rs, "on_site", "on_site"), steps(rs, "handled", "handled"),
                withOutcome, falseAlarms, withOutcome == 0 ? null : (double) falseAlarms / withOutcome,
                rs.getLong("escalated"), Map.of(), 0, 0);
    }

    private static StepTimes steps(ResultSet rs, String count, String prefix) throws SQLException {
        return new StepTimes(rs.getLong(count), Sql.nullableDouble(rs, prefix + "_p50"), Sql.nullableDouble(rs, prefix + "_p90"));
    }
}
