package org.linli.gateway.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertJson;
import org.linli.gateway.alert.AlertListener;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The live alert stream, {@code GET /api/alerts/stream}, as Server-Sent Events: each new alert or new version of one
 * is an {@code event: alert} whose data is the alert JSON. A comment line every 15 s keeps proxies and phones from
 * closing an idle stream. A client that stops reading is disconnected rather than buffered without bound.
 */
final class AlertStreamHub implements AlertListener {
    private static final long KEEPALIVE_MS = 15_000;

    private final Set<HttpServerResponse> clients = new LinkedHashSet<>();

    AlertStreamHub(Vertx vertx) {
        vertx.setPeriodic(KEEPALIVE_MS, id -> broadcast(": keep-alive\n\n"));
    }

    void open(HttpServerResponse response, Iterable<Alert> current) {
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.write("retry: 3000\n\n");
        clients.add(response);
        response.closeHandler(v -> clients.remove(response));
        response.exceptionHandler(e -> clients.remove(response));
        for (Alert a : current) {
            response.write(frame(a));
        }
    }

    @Override
    public void onAlert(Alert alert, boolean isNew) {
        broadcast(frame(alert));
    }

    private static String frame(Alert a) {
        JsonObject json = AlertJson.toJson(a);
        return "id: " + a.id() + "." + a.version() + "\nevent: alert\ndata: " + json.encode() + "\n\n";
    }

    private void broadcast(String frame) {
        for (HttpServerResponse r : Set.copyOf(clients)) {
            if (r.closed() || r.writeQueueFull()) {
                clients.remove(r);
                if (!r.closed()) {
                    r.reset();
                }
                continue;
            }
            r.write(frame);
        }
    }

    int clientCount() {
        return clients.size();
    }
}
