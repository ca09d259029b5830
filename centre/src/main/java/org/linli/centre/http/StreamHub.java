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
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/stream}, Server-Sent Events in the user's scope: first the current picture ({@code event: compound}
 * for each compound, {@code event: alert} for each alert), then {@code event: replayed}, then every change live. A
 * comment every 15 s keeps proxies from closing an idle stream; a client whose write queue stays full for
 * {@link #DRAIN_WITHIN_NANOS} (it stopped reading), or whose session ended, is dropped. Event loop.
 */
final class StreamHub implements PictureListener {
    private static final long KEEPALIVE_MS = 15_000;
    /**
     * How long a client's write queue may stay full before it is dropped as not reading. Not at once: a console's
     * replay of a district's picture (megabytes) is written in one go, far over the queue's 64 KiB, and takes a
     * reading client a moment to drain; dropping at the first full queue cut such a console off at its first live
     * event (docs/BENCHMARKS.md "Centre: 700 compounds").
     */
    static final long DRAIN_WITHIN_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** One open stream; {@code fullSince} is when its write queue was first seen full (-1: not full). */
    private static final class Client {
        final Scope scope;
        final Session session;
        long fullSince = -1;

        Client(Scope scope, Session session) {
            this.scope = scope;
            this.session = session;
        }

        Scope scope() {
            return scope;
        }

        Session session() {
            return session;
        }
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
            if (r.closed() || tooSlow(r, e.getValue()) || !e.getValue().session().live()) {
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

    /** The client's queue has been full for longer than {@link #DRAIN_WITHIN_NANOS} (it is not reading). */
    private static boolean tooSlow(HttpServerResponse r, Client c) {
        if (!r.writeQueueFull()) {
            c.fullSince = -1;
            return false;
        }
        long now = System.nanoTime();
        if (c.fullSince < 0) {
            c.fullSince = now;
            r.drainHandler(v -> c.fullSince = -1);
            return false;
        }
        return now - c.fullSince > DRAIN_WITHIN_NANOS;
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
