package org.linli.sim.console;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.http.AlertModelRoutes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the gateway's HTTP side, for what the real gateway cannot be made to do yet or on demand: a stream
 * that replays a given list of alerts and then (optionally) sends {@code event: replayed}, and
 * {@code GET /api/alerts/closed} pages. Open mode (no login). The alert model is the real {@link AlertModelRoutes};
 * the page is the gateway's webroot from the classpath, or the files of another webroot directory (the benchmark's
 * "before"). Runs on its own Vert.x event loop.
 */
final class ConsoleStubServer implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final List<JsonObject> replay;
    private final boolean sendReplayed;
    private final Map<String, JsonObject> closedPages;
    private final List<HttpServerResponse> streams = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    /**
     * @param webroot     the page's directory, or null for the gateway's own webroot
     * @param replay      the alerts the stream sends first
     * @param closedPages {@code GET /api/alerts/closed} answers by their {@code before} cursor ("" for the first
     *                    page), or null to answer 404 as a gateway without the archive does
     */
    ConsoleStubServer(Path webroot, List<JsonObject> replay, boolean sendReplayed, Map<String, JsonObject> closedPages)
            throws Exception {
        this.replay = List.copyOf(replay);
        this.sendReplayed = sendReplayed;
        this.closedPages = closedPages;
        Router router = Router.router(vertx);
        router.get("/api/session").handler(ctx -> json(ctx, new JsonObject().put("authRequired", false).putNull("user")));
        new AlertModelRoutes().mount(router);
        router.get("/api/devices").handler(ctx -> json(ctx, new JsonObject().put("devices", new JsonArray()).put("count", 0)));
        router.get("/api/alerts/stream").handler(this::stream);
        router.get("/api/alerts/closed").handler(this::closed);
        if (webroot == null) {
            router.route("/*").handler(StaticHandler.create("webroot").setIndexPage("index.html").setCachingEnabled(false));
        } else {
            router.get("/").handler(ctx -> file(ctx, webroot.resolve("index.html"), "text/html"));
            router.get("/console.js").handler(ctx -> file(ctx, webroot.resolve("console.js"), "text/javascript"));
            router.get("/console.css").handler(ctx -> file(ctx, webroot.resolve("console.css"), "text/css"));
        }
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String base() {
        return "http://127.0.0.1:" + server.actualPort() + "/";
    }

    /** Sends one more alert version to every open stream, as the gateway does for a live change. */
    void push(JsonObject alert) {
        vertx.runOnContext(v -> streams.forEach(r -> r.write(frame(alert))));
    }

    /** From now on, one more alert every {@code periodMs} to the open streams: a stream that is never quiet. */
    void pushEvery(long periodMs, java.util.function.IntFunction<JsonObject> alert) {
        int[] n = {0};
        vertx.setPeriodic(periodMs, id -> push(alert.apply(n[0]++)));
    }

    private void stream(RoutingContext ctx) {
        HttpServerResponse r = ctx.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8").putHeader("Cache-Control", "no-cache");
        StringBuilder all = new StringBuilder("retry: 3000\n\n");
        replay.forEach(a -> all.append(frame(a)));
        if (sendReplayed) {
            all.append("event: replayed\ndata: ").append(new JsonObject().put("count", replay.size()).encode()).append("\n\n");
        }
        r.write(all.toString());
        streams.add(r);
        r.closeHandler(v -> streams.remove(r));
    }

    private void closed(RoutingContext ctx) {
        JsonObject page = closedPages == null ? null
                : closedPages.get(ctx.request().getParam("before") == null ? "" : ctx.request().getParam("before"));
        if (page == null) {
            ctx.response().setStatusCode(404).putHeader("Content-Type", "application/json").end("{\"error\":\"not found\"}");
            return;
        }
        json(ctx, page);
    }

    private static String frame(JsonObject a) {
        return "id: " + a.getString("id") + "." + a.getLong("version") + "\nevent: alert\ndata: " + a.encode() + "\n\n";
    }

    private static void json(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }

    private static void file(RoutingContext ctx, Path path, String type) {
        try {
            ctx.response().putHeader("Content-Type", type + "; charset=utf-8").end(Files.readString(path));
        } catch (java.io.IOException e) {
            ctx.fail(e);
        }
    }

    /**
     * {@code n} alerts in the gateway's alert JSON shape (docs/API.md), cycling through types, severities, flats and
     * the states a list shows under 未结案 (OPEN, ACCEPTED, ON_SITE, RESOLVED); one minute apart, the newest last.
     */
    static List<JsonObject> alerts(int n, String idPrefix, List<String> types, List<String> severities, List<String> states) {
        List<JsonObject> out = new ArrayList<>();
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            int building = 1 + i % 38;
            int unit = 1 + i / 38 % 4;
            int flat = 101 + i / 152 % 6 * 100 + i / 912 % 4;
            String place = building + "-" + unit + "-" + flat;
            String at = t0.plusSeconds(60L * i).toString();
            out.add(new JsonObject()
                    .put("id", idPrefix + i).put("version", 1).put("type", types.get(i % types.size()))
                    .put("title", AlertType.valueOf(types.get(i % types.size())).title()).put("severity", severities.get(i % severities.size()))
                    .put("state", states.get(i % states.size()))
                    .put("device", new JsonObject().put("id", "gas-" + place).put("type", "gas_alarm"))
                    .put("location", new JsonObject().put("compound", "幸福里").put("building", String.valueOf(building))
                            .put("unit", String.valueOf(unit)).put("household", place).put("text", place)
                            .put("description", building + "号楼" + unit + "单元" + flat + "室"))
                    .put("care", new JsonArray()).put("careLabels", new JsonArray()).put("contacts", new JsonArray())
                    .put("grid", "grid-" + (1 + building % 3))
                    .put("gridWorker", new JsonObject().put("id", "gw1").put("name", "李娜").put("phone", "13900000001"))
                    .putNull("gridLeader")
                    .put("nextStep", AlertType.valueOf(types.get(i % types.size())).nextStep()).put("raisedAt", at).put("lastSeenAt", at)
                    .put("count", 1).put("detail", "#" + i).put("evidence", new JsonArray()).putNull("assignee")
                    .put("escalationLevel", 0).putNull("escalatedTo").putNull("outcome").putNull("acceptBy")
                    .put("history", new JsonArray()));
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
