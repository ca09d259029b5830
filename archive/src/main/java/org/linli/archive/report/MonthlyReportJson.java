package org.linli.archive.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linli.archive.query.ScopeStatistics;
import org.linli.archive.query.StepTimes;

/**
 * The monthly report as JSON, for the centre console's printable page (one shape, so the page and the CSV show the
 * same figures): {@code title}, {@code street}, {@code community}, {@code communityName}, {@code month}
 * ({@code 2026-12}), {@code timeZone}, {@code generatedAt}, {@code rows} and {@code total}, each row
 * {@code {compound, label, alerts, accept:{reached,p50Seconds,p90Seconds}, onSite, handled, withOutcome, falseAlarms,
 * falseAlarmShare, escalated, escalatedByLevel:{"1":n,...}, darkPeriods, darkSeconds}} (null where nothing was measured).
 */
public final class MonthlyReportJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MonthlyReportJson() {
    }

    public static ObjectNode toJson(MonthlyReport r) {
        ObjectNode out = F.objectNode()
                .put("title", r.title()).put("street", r.street()).put("community", r.community())
                .put("communityName", r.communityName()).put("month", r.month().toString())
                .put("timeZone", r.zone().getId()).put("generatedAt", r.generatedAt().toString());
        ArrayNode rows = out.putArray("rows");
        r.rows().forEach(row -> rows.add(row(row)));
        out.set("total", row(r.total()));
        return out;
    }

    private static ObjectNode row(MonthlyReportRow row) {
        ScopeStatistics f = row.figures();
        ObjectNode o = F.objectNode().put("compound", row.compound()).put("label", row.label()).put("alerts", f.alerts());
        o.set("accept", steps(f.accept()));
        o.set("onSite", steps(f.onSite()));
        o.set("handled", steps(f.handled()));
        o.put("withOutcome", f.withOutcome()).put("falseAlarms", f.falseAlarms())
                .put("falseAlarmShare", f.falseAlarmShare()).put("escalated", f.escalated());
        ObjectNode levels = o.putObject("escalatedByLevel");
        f.escalatedByLevel().forEach((level, n) -> levels.put(Integer.toString(level), n));
        return o.put("darkPeriods", f.darkPeriods()).put("darkSeconds", f.darkSeconds());
    }

    private static ObjectNode steps(StepTimes s) {
        return F.objectNode().put("reached", s.reached()).put("p50Seconds", s.p50Seconds()).put("p90Seconds", s.p90Seconds());
    }
}
