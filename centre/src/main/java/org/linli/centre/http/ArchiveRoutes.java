package org.linli.centre.http;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.linli.archive.query.AlertFilter;
import org.linli.archive.query.ArchiveScope;
import org.linli.archive.query.Period;
import org.linli.archive.report.MonthlyReport;
import org.linli.archive.report.MonthlyReportCsv;
import org.linli.archive.report.MonthlyReportJson;
import org.linli.centre.archive.ArchiveConnection;
import org.linli.centre.archive.CentreArchive;
import org.linli.centre.config.CompoundConfig;
import org.linli.centre.site.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The archive's HTTP API (docs/CENTRE.md "The alert archive"): {@code GET /api/archive/alerts},
 * {@code GET /api/archive/statistics}, {@code GET /api/reports/monthly} (JSON, or {@code format=csv} as the archive's
 * CSV with a Chinese file name, RFC 5987). Cut to the user's scope ({@link ArchiveScopes}): out of scope answers as
 * unknown, 404. 503 {@code no-archive} without an {@code archive:} section, 503 {@code archive-unavailable} while the
 * database is not reachable. Routed on the event loop; the blocking queries run on worker threads.
 */
final class ArchiveRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveRoutes.class);
    /** The district's calendar: months and dates in the parameters are Beijing time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final Vertx vertx;
    private final Topology topology;
    private final CentreArchive archive;
    private final ArchiveScopes scopes;

    ArchiveRoutes(Vertx vertx, Topology topology, CentreArchive archive) {
        this.vertx = vertx;
        this.topology = topology;
        this.archive = archive;
        this.scopes = new ArchiveScopes(topology);
    }

    void mount(Router router) {
        router.get("/api/archive/alerts").handler(this::alerts);
        router.get("/api/archive/statistics").handler(this::statistics);
        router.get("/api/reports/monthly").handler(this::monthly);
    }

    private void alerts(RoutingContext ctx) {
        Optional<ArchiveConnection.Opened> db = open(ctx);
        Optional<ArchiveScope> scope = db.isEmpty() ? Optional.empty() : scope(ctx);
        if (scope.isEmpty()) {
            return;
        }
        MultiMap q = ctx.queryParams();
        AlertFilter filter;
        try {
            int offset = integer(q.get("offset"), 0);
            int limit = integer(q.get("limit"), 100);
            Period period = new Period(instant(q.get("from"), EARLIEST),
                    instant(q.get("to"), Instant.now().plusSeconds(86_400)));
            filter = AlertFilter.of(scope.get(), period).page(offset, limit);
            String type = q.get("type");
            if (type != null && !type.isBlank()) {
                filter = filter.withType(type);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            Json.error(ctx, 400, e.getMessage());
            return;
        }
        AlertFilter f = filter;
        blocking(ctx, () -> ArchiveJson.page(db.get().search().find(f), f.offset(), f.limit()))
                .onSuccess(body -> Json.ok(ctx, body));
    }

    private void statistics(RoutingContext ctx) {
        Optional<ArchiveConnection.Opened> db = open(ctx);
        Optional<ArchiveScope> scope = db.isEmpty() ? Optional.empty() : scope(ctx);
        if (scope.isEmpty()) {
            return;
        }
        MultiMap q = ctx.queryParams();
        Period period;
        try {
            Period month = Period.month(YearMonth.now(ZONE), ZONE);
            period = new Period(instant(q.get("from"), month.from()), instant(q.get("to"), month.to()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            Json.error(ctx, 400, e.getMessage());
            return;
        }
        blocking(ctx, () -> ArchiveJson.statistics(db.get().statistics().of(scope.get(), period), period))
                .onSuccess(body -> Json.ok(ctx, body));
    }

    private void monthly(RoutingContext ctx) {
        Optional<ArchiveConnection.Opened> db = open(ctx);
        if (db.isEmpty()) {
            return;
        }
        MultiMap q = ctx.queryParams();
        YearMonth month;
        try {
            month = YearMonth.parse(String.valueOf(q.get("month")));
        } catch (DateTimeParseException e) {
            Json.error(ctx, 400, "month=YYYY-MM is needed (e.g. 2026-12)");
            return;
        }
        Optional<ArchiveScopes.Community> cm = Optional.ofNullable(q.get("community")).flatMap(scopes::community)
                .filter(c -> ArchiveScopes.covers(CentreAuth.user(ctx).scope(), c));
        if (cm.isEmpty()) {
            Json.error(ctx, q.get("community") == null ? 400 : 404,
                    q.get("community") == null ? "community=ID is needed" : "no such community");
            return;
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (CompoundConfig x : cm.get().config().compounds()) {
            names.put(x.id(), x.name());
        }
        boolean csv = "csv".equals(q.get("format"));
        blocking(ctx, () -> db.get().reports().community(cm.get().street(), cm.get().config().id(),
                cm.get().config().name(), month, ZONE, names)).onSuccess(report -> {
                    if (csv) {
                        csv(ctx, report);
                    } else {
                        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8")
                                .end(MonthlyReportJson.toJson(report).toString());
                    }
                });
    }

    private static void csv(RoutingContext ctx, MonthlyReport report) {
        String ascii = "linli-report-" + report.community() + "-" + report.month() + ".csv";
        ctx.response().setStatusCode(200).putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", ContentDisposition.attachment(ascii, report.title() + ".csv"))
                .end(Buffer.buffer(MonthlyReportCsv.toBytes(report)));
    }

    /** The open archive, or answers 503 and gives empty. */
    private Optional<ArchiveConnection.Opened> open(RoutingContext ctx) {
        if (archive == null) {
            Json.send(ctx, 503, new JsonObject().put("error", "no alert archive configured: the centre's site file "
                    + "has no archive: section").put("code", "no-archive"));
            return Optional.empty();
        }
        Optional<ArchiveConnection.Opened> o = archive.opened();
        if (o.isEmpty()) {
            Json.send(ctx, 503, new JsonObject().put("error", "the alert archive's database is not reachable yet")
                    .put("code", "archive-unavailable"));
        }
        return o;
    }

    /** The scope asked for within the user's, or answers 404 (unknown or out of scope) or 400 and gives empty. */
    private Optional<ArchiveScope> scope(RoutingContext ctx) {
        String grid = ctx.queryParams().get("grid");
        String compound = ctx.queryParams().get("compound");
        if (grid != null && !grid.isBlank() && (compound == null || compound.isBlank())) {
            Json.error(ctx, 400, "grid=ID needs compound=ID (grid ids are a compound's own)");
            return Optional.empty();
        }
        Optional<ArchiveScope> s = scopes.resolve(CentreAuth.user(ctx).scope(), ctx.queryParams());
        if (s.isEmpty()) {
            Json.error(ctx, 404, "no such street, community or compound");
        }
        return s;
    }

    private <T> io.vertx.core.Future<T> blocking(RoutingContext ctx, Callable<T> query) {
        return vertx.executeBlocking(query, false).onFailure(e -> {
            LOG.warn("archive query {} failed: {}", ctx.request().path(), e.toString());
            Json.send(ctx, 503, new JsonObject().put("error", "the alert archive did not answer: " + e.getMessage())
                    .put("code", "archive-unavailable"));
        });
    }

    private static int integer(String s, int fallback) {
        if (s == null || s.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number");
        }
    }

    /** An ISO instant ({@code 2026-12-01T00:00:00Z}) or a date ({@code 2026-12-01}: its start in Beijing time). */
    static Instant instant(String s, Instant fallback) {
        if (s == null || s.isBlank()) {
            return fallback;
        }
        return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZONE).toInstant() : Instant.parse(s);
    }
}
