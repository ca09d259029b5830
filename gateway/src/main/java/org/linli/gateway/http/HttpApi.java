package org.linli.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.auth.AlertAccess;
import org.linli.gateway.auth.ConsoleAuth;
import org.linli.gateway.auth.User;
import org.linli.gateway.metrics.GatewayMetrics;
import org.linli.gateway.pipeline.DeadLetter;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.Grid;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.web.RequestBodies;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP API (docs/API.md): alerts and their live stream, status, devices, dead letters; and the operator console
 * (static files from {@code webroot/}, docs/CONSOLE.md). Login and the guard come from {@link ConsoleAuth}; what a
 * user sees is filtered here, on the server, by {@link AlertAccess}.
 */
public final class HttpApi {
    private final Vertx vertx;
    private final AlertService alerts;
    private final Pipeline pipeline;
    private final SiteDirectory site;
    private final Supplier<JsonObject> status;
    private final AlertStreamHub stream;
    private Function<Set<String>, String> metrics = names -> "";
    private Supplier<JsonObject> readiness = () -> new JsonObject().put("status", "UP");
    private final ConsoleAuth auth;
    private final List<Consumer<Router>> extraRoutes = new ArrayList<>();
    private HttpServer server;
    private Function<String, JsonArray> deliveries = id -> new JsonArray();
    private java.util.Map<String, String> cameraNames = java.util.Map.of();

    /** Open mode: no users, no login. */
    public HttpApi(Vertx vertx, AlertService alerts, Pipeline pipeline, SiteDirectory site, Supplier<JsonObject> status) {
        this(vertx, alerts, pipeline, site, status, new ConsoleAuth(vertx, null, java.time.Clock.systemUTC(), false));
    }

    public HttpApi(Vertx vertx, AlertService alerts, Pipeline pipeline, SiteDirectory site, Supplier<JsonObject> status,
                   ConsoleAuth auth) {
        this.vertx = vertx;
        this.auth = auth;
        this.alerts = alerts;
        this.pipeline = pipeline;
        this.site = site;
        this.status = status;
        this.stream = new AlertStreamHub(vertx);
        alerts.addListener(stream);
    }

    /** Where {@code GET /api/alerts/{id}/deliveries} reads the delivery log (the notifier, when configured). */
    public void deliveries(Function<String, JsonArray> log) {
        this.deliveries = log;
    }

    /** Camera id → name, for {@code GET /api/cameras/names} (the console's snapshot captions). */
    public HttpApi withCameraNames(java.util.Map<String, String> names) {
        this.cameraNames = java.util.Map.copyOf(names);
        return this;
    }

    /**
     * Serves {@code GET /metrics} as Prometheus text from {@code text}, given the families asked for with
     * {@code name[]} (none: every family).
     */
    public HttpApi withMetrics(Function<Set<String>, String> text) {
        this.metrics = text;
        return this;
    }

    /** Serves {@code GET /health/ready}: 200 when {@code check}'s {@code status} is UP, else 503, with its body. */
    public HttpApi withReadiness(Supplier<JsonObject> check) {
        this.readiness = check;
        return this;
    }

    /**
     * Adds routes owned by another component (the alert workflow, camera snapshots and discovery); call before
     * {@link #listen}. They are mounted behind login, CSRF and grid scope like the rest of /api.
     */
    public HttpApi mount(Consumer<Router> routes) {
        extraRoutes.add(routes);
        return this;
    }

    public Future<HttpServer> listen(String host, int port) {
        return listen(new HttpServerOptions().setHost(host).setPort(port));
    }

    /** Listens with these options (host, port, and HTTPS when they carry a certificate). */
    public Future<HttpServer> listen(HttpServerOptions options) {
        // No cleartext HTTP/2 upgrade (h2c): browsers never use it, it is one more protocol an attacker on the LAN could
        // feed, and Vert.x's upgraded connection intermittently sent a large answer unframed (HostileMqttInputTest saw
        // a java.net.http client fail with "Frame type(120) length(7895160)": the body's bytes read as a frame header).
        options.setHttp2ClearTextEnabled(false);
        Router router = Router.router(vertx);
        router.route().handler(HttpApi::securityHeaders).handler(RequestBodies::screen);
        router.errorHandler(413, RequestBodies::tooLarge);
        // liveness and readiness need no login (docs/OPERATIONS.md); neither carries a URL, an error text or a secret
        router.get("/health").handler(this::health);
        router.get("/health/ready").handler(this::ready);
        auth.mount(router);
        AlertScopeGuard scope = new AlertScopeGuard(alerts, site);
        router.post("/api/alerts/:id/:action").handler(RequestBodies.upTo(RequestBodies.MAX_BYTES)).handler(scope::act);
        router.get("/api/alerts/:id/:sub").handler(scope::read);
        router.route("/api/households/:key/*").handler(scope::household);
        router.get("/api/snapshots/:id").handler(scope::snapshot);
        router.get("/api/cameras/discovery").handler(scope::operatorOnly);
        router.get("/api/status").handler(scope::operatorOnly);   // broker URL, cameras, channels: compound-wide
        // after the guards: routes owned by other components are behind login, CSRF and grid scope like the rest
        extraRoutes.forEach(r -> r.accept(router));
        router.get("/api/status").handler(ctx -> json(ctx, status.get()));
        router.get("/metrics").handler(ctx -> ctx.response().putHeader("Cache-Control", "no-store")
                .putHeader("Content-Type", GatewayMetrics.TEXT_FORMAT)
                .end(metrics.apply(Set.copyOf(ctx.queryParam("name[]")))));
        router.get("/api/alerts/:id/deliveries").handler(this::alertDeliveries);
        new AlertReadRoutes(alerts, stream).mount(router);
        router.get("/api/devices").handler(this::devices);
        router.get("/api/grids").handler(this::grids);
        router.get("/api/cameras/names").handler(ctx -> json(ctx, new JsonObject().put("cameras",
                new JsonObject(new java.util.TreeMap<>(cameraNames)))));
        router.get("/api/dead-letters").handler(this::deadLetters);
        router.route("/*").handler(StaticHandler.create("webroot").setIndexPage("index.html"));
        return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> server = s);
    }

    public int port() {
        return server.actualPort();
    }

    /** Liveness: answered on the event loop, so an answer means the loop runs. */
    private void health(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store");
        json(ctx, new JsonObject().put("status", "UP"));
    }

    private void ready(RoutingContext ctx) {
        JsonObject body = readiness.get();
        ctx.response().putHeader("Cache-Control", "no-store").setStatusCode("UP".equals(body.getString("status")) ? 200 : 503);
        json(ctx, body);
    }

    /** No framing, no MIME sniffing, scripts and styles only from the gateway itself: a second line against XSS. */
    private static void securityHeaders(RoutingContext ctx) {
        ctx.response().putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; "
                        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        ctx.next();
    }

    private void alertDeliveries(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        alerts.get(id).ifPresentOrElse(a -> json(ctx, new JsonObject().put("alert", id).put("deliveries", deliveries.apply(id))),
                () -> error(ctx, 404, "no alert " + id));
    }

    private void devices(RoutingContext ctx) {
        Optional<User> user = ConsoleAuth.user(ctx);
        String building = ctx.request().getParam("building");
        JsonArray out = new JsonArray();
        for (Device d : site.devices()) {
            if (!AlertAccess.canSee(user, d)) {
                continue;
            }
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

    /** The grids this user may see, with their names, for the console's grid filter (a grid worker: their own). */
    private void grids(RoutingContext ctx) {
        Optional<User> user = ConsoleAuth.user(ctx);
        boolean all = AlertAccess.isOperatorOrOpen(user);
        JsonArray out = new JsonArray();
        for (Grid g : site.grids()) {
            if (all || g.id().equals(user.orElseThrow().grid())) {
                out.add(new JsonObject().put("id", g.id()).put("name", g.name()));
            }
        }
        json(ctx, new JsonObject().put("grids", out));
    }

    /** The letters one GET /api/dead-letters returns, at most, as UTF-8 JSON (besides the counts). */
    static final long DEAD_LETTERS_MAX_BYTES = 1024 * 1024;

    private void deadLetters(RoutingContext ctx) {
        if (!AlertAccess.isOperatorOrOpen(ConsoleAuth.user(ctx))) {
            error(ctx, 403, "dead letters are for operators");
            return;
        }
        int limit = parseLimit(ctx.request().getParam("limit"));
        // at most DEAD_LETTERS_MAX_BYTES of letters in one answer, the newest first: more is for the file, not the API
        List<DeadLetter> recent = pipeline.deadLetters().recent(limit, DEAD_LETTERS_MAX_BYTES);
        JsonArray out = new JsonArray();
        recent.forEach(d -> out.add(d.toJson()));
        json(ctx, new JsonObject().put("countsByReason", new JsonObject(new java.util.TreeMap<>(pipeline.deadLetters().countsByReason())))
                .put("recent", out)
                .put("truncated", recent.size() < Math.min(limit, pipeline.deadLetters().held())));
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
        auth.close();
        return server == null ? Future.succeededFuture() : server.close();
    }
}
