package org.linli.centre.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import org.linli.centre.CentreMeters;
import org.linli.centre.archive.CentreArchive;
import org.linli.centre.command.CommandRelay;
import org.linli.centre.picture.Picture;
import org.linli.centre.site.Topology;

import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * The centre's HTTP server: login and guard ({@link CentreAuth}), the read routes, the SSE stream, the actions,
 * {@code /health/ready} (200 once the picture link is connected to the broker, else 503; with the archive's state),
 * the archive's routes ({@link ArchiveRoutes}), {@code /metrics} and the
 * console's static files ({@code webroot/centre.html} and friends; {@code console.css} and {@code card.css} come
 * from the gateway's jar on the classpath, so both consoles share one look). Created on the centre's event loop.
 */
public final class CentreHttp {
    private final HttpServer server;

    private CentreHttp(HttpServer server) {
        this.server = server;
    }

    public static Future<CentreHttp> start(Vertx vertx, String host, int port, Topology topology, Picture picture,
                                           CommandRelay relay, CentreMeters meters, BooleanSupplier ready,
                                           CentreArchive archive) {
        Router router = Router.router(vertx);
        // a degraded archive does not make the replica unready: it keeps serving the live picture
        router.get("/health/ready").handler(ctx -> Json.send(ctx, ready.getAsBoolean() ? 200 : 503,
                new JsonObject().put("ready", ready.getAsBoolean())
                        .put("archive", archive == null ? null : archive.health())));
        router.get("/metrics").handler(ctx -> ctx.response().putHeader("Cache-Control", "no-store")
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(meters.scrape()));
        new CentreAuth(vertx, topology, Clock.systemUTC()).mount(router);
        new ReadRoutes(topology, picture).mount(router);
        StreamHub hub = new StreamHub(vertx, topology, picture);
        router.get("/api/stream").handler(hub::open);
        new ActionRoutes(topology, picture, relay, meters).mount(router);
        new ArchiveRoutes(vertx, topology, archive).mount(router);
        router.get("/").handler(ctx -> ctx.redirect("/centre.html"));
        // only the centre's own files and the two style sheets it shares: the gateway's console (also under webroot/
        // on the classpath) is not served here
        router.getWithRegex(
                        "/(centre\\.html|centre\\.js|centre-view\\.css|console\\.css|card\\.css|report\\.html|report\\.js"
                        + "|report\\.css)")
                .handler(StaticHandler.create("webroot").setCachingEnabled(false));
        return vertx.createHttpServer().requestHandler(router).listen(port, host).map(CentreHttp::new);
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> close() {
        return server.close();
    }
}
