package org.linli.gateway.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertJson;
import org.linli.gateway.alert.AlertListener;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The live alert stream, {@code GET /api/alerts/stream}, as Server-Sent Events: each new alert or new version of one
 * is an {@code event: alert} whose data is the alert JSON. A comment line every 15 s keeps proxies and phones from
 * closing an idle stream. A client that stops reading is disconnected rather than buffered without bound. Each
 * connection has its own filter (a grid worker's stream carries only their grid's alerts) and ends, at the latest on
 * the next keep-alive, once its session has ended (logout, expiry).
 */
final class AlertStreamHub implements AlertListener {
    private static final long KEEPALIVE_MS = 15_000;

    private final Map<HttpServerResponse, Client> clients = new LinkedHashMap<>();

    private record Client(Predicate<Alert> visible, BooleanSupplier live, Runnable onClose) {
    }

    AlertStreamHub(Vertx vertx) {
        vertx.setPeriodic(KEEPALIVE_MS, id -> broadcast(": keep-alive\n\n", c -> true));
    }

    void open(HttpServerResponse response, Iterable<Alert> current) {
        open(response, current, a -> true, () -> true, () -> { });
    }

    void open(HttpServerResponse response, Iterable<Alert> current, Predicate<Alert> visible, BooleanSupplier live,
              Runnable onClose) {
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.write("retry: 3000\n\n");
        clients.put(response, new Client(visible, live, onClose));
        response.closeHandler(v -> drop(response));
        response.exceptionHandler(e -> drop(response));
        int count = 0;
        for (Alert a : current) {
            response.write(frame(a));
            count++;
        }
        response.write("event: replayed\ndata: " + new JsonObject().put("count", count).encode() + "\n\n");
    }

    @Override
    public void onAlert(Alert alert, boolean isNew) {
        String frame = frame(alert);
        broadcast(frame, c -> c.visible().test(alert));
    }

    private static String frame(Alert a) {
        JsonObject json = AlertJson.toJson(a);
        return "id: " + a.id() + "." + a.version() + "\nevent: alert\ndata: " + json.encode() + "\n\n";
    }

    private void broadcast(String frame, Predicate<Client> wants) {
        for (var e : Map.copyOf(clients).entrySet()) {
            HttpServerResponse r = e.getKey();
            if (r.closed() || r.writeQueueFull() || !e.getValue().live().getAsBoolean()) {
                drop(r);
                if (!r.closed()) {
                    r.reset();
                }
                continue;
            }
            if (wants.test(e.getValue())) {
                r.write(frame);
            }
        }
    }

    private void drop(HttpServerResponse r) {
        Client c = clients.remove(r);
        if (c != null) {
            c.onClose().run();
        }
    }

}
