package org.linli.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertJson;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertState;
import org.linli.gateway.alert.AlertStore;
import org.linli.gateway.alert.ClosedCursor;
import org.linli.gateway.auth.AlertAccess;
import org.linli.gateway.auth.ConsoleAuth;
import org.linli.gateway.auth.Session;
import org.linli.gateway.auth.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reading alerts (docs/API.md): {@code GET /api/alerts} pages over the alerts in memory (open ones and the retention
 * window of closed ones), {@code GET /api/alerts/closed} pages over every CLOSED or DISMISSED alert in the store,
 * {@code GET /api/alerts/{id}} finds one in memory or in the store, and {@code GET /api/alerts/stream} replays the
 * in-memory alerts, says {@code replayed}, then streams live versions. A grid worker sees only their grid's alerts
 * everywhere. Runs on the event loop; the store is read on its own thread and the answer hops back to the loop.
 */
final class AlertReadRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AlertReadRoutes.class);
    static final int LIST_DEFAULT = 200;
    static final int LIST_MAX = 1000;
    static final int CLOSED_DEFAULT = 50;
    static final int CLOSED_MAX = 500;

    private final AlertService alerts;
    private final AlertStreamHub stream;

    AlertReadRoutes(AlertService alerts, AlertStreamHub stream) {
        this.alerts = alerts;
        this.stream = stream;
    }

    /** Mounts the four routes; {@code /closed} and {@code /stream} before {@code /:id}. */
    void mount(Router router) {
        router.get("/api/alerts/stream").handler(this::openStream);
        router.get("/api/alerts/closed").handler(this::closed);
        router.get("/api/alerts/:id").handler(this::alert);
        router.get("/api/alerts").handler(this::list);
    }

    /** The live stream, filtered per connection for the user who opened it; it ends when their session does. */
    private void openStream(RoutingContext ctx) {
        Optional<User> user = ConsoleAuth.user(ctx);
        Optional<Session> session = ConsoleAuth.session(ctx);
        session.ifPresent(Session::streamOpened);
        stream.open(ctx.response(), alerts.list().stream().filter(a -> AlertAccess.canSee(user, a)).toList(),
                a -> AlertAccess.canSee(user, a),
                () -> session.map(Session::live).orElse(true),
                () -> session.ifPresent(Session::streamClosed));
    }

    private void list(RoutingContext ctx) {
        Optional<User> user = ConsoleAuth.user(ctx);
        // an empty parameter (?state=, a form's "all" choice) is no filter, not a filter matching nothing
        String state = blankToNull(ctx.request().getParam("state"));
        String grid = blankToNull(ctx.request().getParam("grid"));
        Integer limit = limit(ctx, LIST_DEFAULT, LIST_MAX);
        if (limit == null) {
            return;
        }
        String cursor = ctx.request().getParam("cursor");
        AlertListPage.Key after = null;
        if (cursor != null) {
            after = AlertListPage.Key.parse(cursor).orElse(null);
            if (after == null) {
                HttpApi.error(ctx, 400, "cursor is not one this API gave out");
                return;
            }
        }
        List<Alert> matching = new ArrayList<>();
        long open = 0;
        for (Alert a : alerts.list()) {
            if (!AlertAccess.canSee(user, a)) {
                continue;
            }
            if (a.state() == AlertState.OPEN) {
                open++;
            }
            if ((state == null || a.state().name().equalsIgnoreCase(state)) && (grid == null || grid.equals(a.gridId()))) {
                matching.add(a);
            }
        }
        AlertListPage page = AlertListPage.of(matching, after, limit);
        JsonArray out = new JsonArray();
        page.alerts().forEach(a -> out.add(AlertJson.toJson(a)));
        HttpApi.json(ctx, new JsonObject().put("alerts", out).put("count", out.size()).put("total", matching.size())
                .put("open", open).put("next", page.next()));
    }

    private void closed(RoutingContext ctx) {
        Optional<User> user = ConsoleAuth.user(ctx);
        Integer limit = limit(ctx, CLOSED_DEFAULT, CLOSED_MAX);
        if (limit == null) {
            return;
        }
        String beforeText = ctx.request().getParam("before");
        ClosedCursor before = null;
        if (beforeText != null) {
            before = ClosedCursor.parse(beforeText).orElse(null);
            if (before == null) {
                HttpApi.error(ctx, 400, "before is not a cursor this API gave out");
                return;
            }
        }
        String grid = blankToNull(ctx.request().getParam("grid"));
        if (!AlertAccess.isOperatorOrOpen(user)) {
            String own = user.orElseThrow().grid();
            if (grid != null && !grid.equals(own)) {
                HttpApi.json(ctx, new JsonObject().put("alerts", new JsonArray()).put("next", (String) null));
                return;
            }
            grid = own;
        }
        fromStore(ctx, alerts.closed(grid, before, limit)).onSuccess(page -> {
            JsonArray out = new JsonArray();
            page.alerts().stream().filter(a -> AlertAccess.canSee(user, a)).forEach(a -> out.add(AlertJson.toJson(a)));
            HttpApi.json(ctx, new JsonObject().put("alerts", out)
                    .put("next", page.next() == null ? null : page.next().token()));
        });
    }

    private void alert(RoutingContext ctx) {
        Optional<User> user = ConsoleAuth.user(ctx);
        String id = ctx.pathParam("id");
        fromStore(ctx, alerts.lookup(id)).onSuccess(found -> found.filter(a -> AlertAccess.canSee(user, a))
                .ifPresentOrElse(a -> HttpApi.json(ctx, AlertJson.toJson(a)),
                        () -> HttpApi.error(ctx, 404, "no alert " + id)));
    }

    /** The store's answer back on this request's event loop; a failing store answers 503. */
    private static <T> Future<T> fromStore(RoutingContext ctx, CompletableFuture<T> read) {
        return Future.fromCompletionStage(read, ctx.vertx().getOrCreateContext()).onFailure(e -> {
            LOG.warn("alert store read for {} failed: {}", ctx.request().path(), e.getMessage());
            HttpApi.error(ctx, 503, "the alert store could not be read");
        });
    }

    static String blankToNull(String parameter) {
        return parameter == null || parameter.isBlank() ? null : parameter;
    }

    /** The {@code limit} parameter, {@code dflt} when absent; null after answering 400 when it is not 1..max. */
    private static Integer limit(RoutingContext ctx, int dflt, int max) {
        String text = ctx.request().getParam("limit");
        if (text == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        HttpApi.error(ctx, 400, "limit must be a whole number from 1 to " + max);
        return null;
    }
}
