package org.linli.centre.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.archive.query.AlertPage;
import org.linli.archive.query.AlertRow;
import org.linli.archive.query.Period;
import org.linli.archive.query.ScopeStatistics;
import org.linli.archive.query.StepTimes;

import java.time.Instant;

/**
 * The archive routes' answers as JSON: a page of archived alerts (their columns and the highest version's JSON) and a
 * scope's statistics (docs/ARCHIVE.md "Statistics"; times in seconds, null where nothing was measured). Stateless.
 */
final class ArchiveJson {
    private ArchiveJson() {
    }

    static JsonObject page(AlertPage page, int offset, int limit) {
        JsonArray alerts = new JsonArray();
        for (AlertRow r : page.alerts()) {
            alerts.add(new JsonObject().put("street", r.street()).put("community", r.community())
                    .put("compound", r.compound()).put("id", r.id()).put("key", r.compound() + "/" + r.id())
                    .put("grid", r.grid()).put("type", r.type()).put("severity", r.severity()).put("state", r.state())
                    .put("raisedAt", time(r.raisedAt())).put("acceptedAt", time(r.acceptedAt()))
                    .put("onSiteAt", time(r.onSiteAt())).put("resolvedAt", time(r.resolvedAt()))
                    .put("verifiedAt", time(r.verifiedAt())).put("outcome", r.outcome())
                    .put("escalationLevel", r.escalationLevel()).put("version", r.version())
                    .put("alert", new JsonObject(r.json())));
        }
        return new JsonObject().put("alerts", alerts).put("offset", offset).put("limit", limit)
                .put("hasMore", page.hasMore());
    }

    static JsonObject statistics(ScopeStatistics s, Period period) {
        JsonObject levels = new JsonObject();
        s.escalatedByLevel().forEach((level, n) -> levels.put(Integer.toString(level), n));
        return new JsonObject().put("from", period.from().toString()).put("to", period.to().toString())
                .put("alerts", s.alerts()).put("accept", steps(s.accept())).put("onSite", steps(s.onSite()))
                .put("handled", steps(s.handled())).put("withOutcome", s.withOutcome())
                .put("falseAlarms", s.falseAlarms()).put("falseAlarmShare", s.falseAlarmShare())
                .put("escalated", s.escalated()).put("escalatedByLevel", levels)
                .put("darkPeriods", s.darkPeriods()).put("darkSeconds", s.darkSeconds());
    }

    private static JsonObject steps(StepTimes t) {
        return new JsonObject().put("reached", t.reached()).put("p50Seconds", t.p50Seconds())
                .put("p90Seconds", t.p90Seconds());
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
