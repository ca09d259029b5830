package org.linli.archive.report;

import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.archive.query.ArchiveScope;
import org.linli.archive.query.ArchiveStatistics;
import org.linli.archive.query.Period;
import org.linli.archive.query.ScopeStatistics;

/**
 * Builds a community's monthly report from the archive. The compounds listed (id → name, in the order given, from
 * the centre's site file) each get a row, even with nothing to report; a compound the archive knows but the list
 * does not gets a row after them, named by its id. Blocking JDBC, from a worker thread.
 */
public final class MonthlyReports {
    public static final String TOTAL_LABEL = "合计";

    private final ArchiveStatistics statistics;
    private final Clock clock;

    public MonthlyReports(ArchiveStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    public MonthlyReport community(String street, String community, String communityName, YearMonth month, ZoneId zone,
                                   Map<String, String> compoundNames) throws SQLException {
        Period period = Period.month(month, zone);
        ArchiveScope scope = ArchiveScope.community(community);
        Map<String, ScopeStatistics> byCompound = statistics.byCompound(scope, period);
        List<MonthlyReportRow> rows = new ArrayList<>();
        compoundNames.forEach((id, name) ->
                rows.add(new MonthlyReportRow(id, name, byCompound.getOrDefault(id, ScopeStatistics.EMPTY))));
        byCompound.forEach((id, figures) -> {
            if (!compoundNames.containsKey(id)) {
                rows.add(new MonthlyReportRow(id, id, figures));
            }
        });
        MonthlyReportRow total = new MonthlyReportRow(null, TOTAL_LABEL, statistics.of(scope, period));
        return new MonthlyReport(street, community, communityName, month, zone, clock.instant(), rows, total);
    }
}
