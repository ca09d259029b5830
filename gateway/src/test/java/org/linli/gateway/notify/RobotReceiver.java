package org.linli.gateway.notify;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP server standing in for a chat robot or webhook receiver: records every request exactly as it arrived
 * (method, path, decoded and raw query, headers, body, arrival time) and answers what the test tells it to.
 */
final class RobotReceiver {
    record Request(int index, String method, String path, String rawQuery, MultiMap params, MultiMap headers,
                   String body, Instant at) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    record Answer(int status, String body, Map<String, String> headers) {
        static Answer ok() {
            return new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}", Map.of());
        }

        static Answer errcode(int code, String msg) {
            return new Answer(200, new JsonObject().put("errcode", code).put("errmsg", msg).encode(), Map.of());
        }

        static Answer http(int status) {
            return new Answer(status, "error", Map.of());
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Clock clock;
    private volatile Function<Request, Answer> answers = r -> Answer.ok();
    private HttpServer server;

    private RobotReceiver(Clock clock) {
        this.clock = clock;
    }

    static Future<RobotReceiver> start(Vertx vertx, Clock clock) {
        RobotReceiver r = new RobotReceiver(clock);
        return vertx.createHttpServer().requestHandler(r::handle).listen(0, "127.0.0.1").map(s -> {
            r.server = s;
            return r;
        });
    }

    private void handle(HttpServerRequest req) {
        Instant at = clock.instant();
        req.body().onSuccess(b -> {
            Request r = new Request(count.getAndIncrement(), req.method().name(), req.path(), req.query(),
                    MultiMap.caseInsensitiveMultiMap().addAll(req.params()),
                    MultiMap.caseInsensitiveMultiMap().addAll(req.headers()), b.toString(), at);
            requests.add(r);
            Answer a = answers.apply(r);
            a.headers().forEach(req.response()::putHeader);
            req.response().setStatusCode(a.status()).putHeader("Content-Type", "application/json").end(a.body());
        });
    }

    void answer(Function<Request, Answer> answers) {
        this.answers = answers;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    Future<Void> close() {
        return server.close();
    }
}
