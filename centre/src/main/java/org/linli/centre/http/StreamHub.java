package org.linli.centre.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.linli.centre.picture.Picture;
import org.linli.centre.picture.PictureListener;
import org.linli.centre.site.CompoundRef;
import org.linli.centre.site.Scope;
import org.linli.centre.site.Topology;
import org.linli.gateway.auth.Session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/stream}, Server-Sent Events in the user's scope: first the current picture ({@code event: compound}
 * for each compound, {@code event: alert} for each alert), then {@code event: replayed}, then every change live. A
 * comment every 15 s keeps proxies from closing an idle stream; a client that stops reading, or whose session ended,
 * is dropped (as the gateway's stream does). Event loop.
 */
final class StreamHub implements PictureListener {
    private static final long KEEPALIVE_MS = 15_000;

    private record Client(Scope scope, Session session) {
    }

    private final Topology topology;
    private final Picture picture;
    private final Map<HttpServerResponse, Client> clients = new LinkedHashMap<>();

    StreamHub(Vertx vertx, Topology topology, Picture picture) {
        this.topology = topology;
        this.picture = picture;
        vertx.setPeriodic(KEEPALIVE_MS, id -> broadcast(": keep-alive\n\n", null));
        picture.listen(this);
    }

    void open(RoutingContext ctx) {
        Scope scope = CentreAuth.user(ctx).scope();
        Session session = CentreAuth.session(ctx);
        HttpServerResponse r = ctx.response();
        r.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache").putHeader("X-Accel-Buffering", "no");
        r.write("retry: 3000\n\n");
        session.streamOpened();
        clients.put(r, new Client(scope, session));
        r.closeHandler(v -> drop(r));
        r.exceptionHandler(e -> drop(r));
        int count = 0;
        for (CompoundRef c : topology.compounds()) {
            if (scope.covers(c)) {
                r.write(frame("compound", picture.health(c.id()).orElseThrow()));
                count++;
            }
        }
        for (JsonObject a : picture.alerts(a -> topology.compound(a.getString("compoundId")).map(scope::covers)
                .orElse(false))) {
            r.write(frame("alert", a));
            count++;
        }
        r.write(frame("replayed", new JsonObject().put("count", count)));
    }

    @Override
    public void onAlert(CompoundRef compound, JsonObject centreAlert) {
        broadcast(frame("alert", centreAlert), compound);
    }

    @Override
    public void onCompound(CompoundRef compound, JsonObject health) {
        broadcast(frame("compound", health), compound);
    }

    private static String frame(String event, JsonObject data) {
        return "event: " + event + "\ndata: " + data.encode() + "\n\n";
    }

    /** To every client whose scope covers {@code compound} (null: to all). */
    private void broadcast(String frame, CompoundRef compound) {
        for (var e : Map.copyOf(clients).entrySet()) {
            HttpServerResponse r = e.getKey();
            if (r.closed() || r.writeQueueFull() || !e.getValue().session().live()) {
                drop(r);
                if (!r.closed()) {
                    r.reset();
                }
                continue;
            }
            if (compound == null || e.getValue().scope().covers(compound)) {
                r.write(frame);
            }
        }
    }

    private void drop(HttpServerResponse r) {
        Client c = clients.remove(r);
        if (c != null) {
            c.session().streamClosed();
        }
    }

    int clients() {
        return clients.size();
    }
}
