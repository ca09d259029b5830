package org.linli.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertJson;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertState;
import org.linli.gateway.pipeline.DeadLetter;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The HTTP API (docs/API.md): alerts and their live stream, status, devices, dead letters. */
public final class HttpApi {
    private final Vertx vertx;
    private final AlertService alerts;
    private final Pipeline pipeline;
    private final SiteDirectory site;
    private final Supplier<JsonObject> status;
    private final AlertStreamHub stream;
    private final List<Consumer<Router>> extraRoutes = new ArrayList<>();
    private HttpServer server;

    public HttpApi(Vertx vertx, AlertService alerts, Pipeline pipeline, SiteDirectory site, Supplier<JsonObject> status) {
        this.vertx = vertx;
        this.alerts = alerts;
        this.pipeline = pipeline;
        this.site = site;
        this.status = status;
        this.stream = new AlertStreamHub(vertx);
        alerts.addListener(stream);
    }

    /** Adds routes owned by another component (the alert workflow); call before {@link #listen}. */
    public HttpApi mount(Consumer<Router> routes) {
        extraRoutes.add(routes);
        return this;
    }

    public Future<HttpServer> listen(String host, int port) {
        Router router = Router.router(vertx);
        extraRoutes.forEach(r -> r.accept(router));
        router.get("/health").handler(this::health);
        router.get("/api/status").handler(ctx -> json(ctx, status.get()));
        router.get("/api/alerts/stream").handler(ctx -> stream.open(ctx.response(),
                alerts.list().stream().filter(a -> a.state() != null).toList()));
        router.get("/api/alerts/:id").handler(this::alert);
        router.get("/api/alerts").handler(this::alertList);
        router.get("/api/devices").handler(this::devices);
        router.get("/api/dead-letters").handler(this::deadLetters);
        return vertx.createHttpServer().requestHandler(router).listen(port, host).onSuccess(s -> server = s);
    }

    public int port() {
        return server.actualPort();
    }

    private void health(RoutingContext ctx) {
        json(ctx, new JsonObject().put("status", "UP"));
    }

    private void alertList(RoutingContext ctx) {
        String state = ctx.request().getParam("state");
        String grid = ctx.request().getParam("grid");
        JsonArray out = new JsonArray();
        for (Alert a : alerts.list()) {
            if (state != null && !a.state().name().equalsIgnoreCase(state)) {
                continue;
            }
            if (grid != null && !grid.equals(a.gridId())) {
                continue;
            }
            out.add(AlertJson.toJson(a));
        }
        json(ctx, new JsonObject().put("alerts", out).put("count", out.size())
                .put("open", alerts.list().stream().filter(a -> a.state() == AlertState.OPEN).count()));
    }

    private void alert(RoutingContext ctx) {
        alerts.get(ctx.pathParam("id")).ifPresentOrElse(a -> json(ctx, AlertJson.toJson(a)),
                () -> error(ctx, 404, "no alert " + ctx.pathParam("id")));
    }

    private void devices(RoutingContext ctx) {
        String building = ctx.request().getParam("building");
        JsonArray out = new JsonArray();
        for (Device d : site.devices()) {
            if (building != null && !building.equals(d.location().building())) {
                continue;
            }
            out.add(new JsonObject()
                    .put("id", d.id())
                    .put("type", d.type().id())
                    .put("profile", d.profile())
                    .put("location", d.location().toString())
                    .put("grid", d.grid() == null ? null : d.grid().id())
                    .put("lastSeen", pipeline.activity().lastSeen(d.id()).map(Object::toString).orElse(null)));
        }
        json(ctx, new JsonObject().put("devices", out).put("count", out.size()));
    }

    private void deadLetters(RoutingContext ctx) {
        int limit = parseLimit(ctx.request().getParam("limit"));
        List<DeadLetter> recent = pipeline.deadLetters().recent(limit);
        JsonArray out = new JsonArray();
        recent.forEach(d -> out.add(d.toJson()));
        json(ctx, new JsonObject().put("countsByReason", new JsonObject(new java.util.TreeMap<>(pipeline.deadLetters().countsByReason())))
                .put("recent", out));
    }

    private static int parseLimit(String text) {
        try {
            return text == null ? 100 : Math.max(1, Math.min(1000, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    static void json(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }

    static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("error", message).encode());
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
