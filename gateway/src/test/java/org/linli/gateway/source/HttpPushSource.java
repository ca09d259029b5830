package org.linli.gateway.source;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.gateway.site.Device;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A fourth transport, written outside the gateway's main code to show what adding one takes: devices POST a JSON
 * reading to its own port, {@code {"deviceId":"water-7-1-101","readings":{"total_m3":12.5}}} (field names of
 * {@link Quantity}); it is decoded here and handed to the pipeline as a serial poller does
 * ({@link org.linli.gateway.pipeline.Pipeline#acceptDecoded}). Registered with one line:
 * {@code gateway.withSource(ctx -> new HttpPushSource(ctx, port))}. Runs on the gateway's event loop (the server
 * is created from {@link #start()}, which the gateway calls there).
 */
final class HttpPushSource implements Source {
    static final String NAME = "httppush";

    private final SourceContext ctx;
    private final int port;
    private final StatusTracker tracker;
    private HttpServer server;
    private SourceState state = SourceState.STARTING;
    private String reason = "not started";
    private long received;
    private long rejected;

    HttpPushSource(SourceContext ctx, int port) {
        this.ctx = ctx;
        this.port = port;
        this.tracker = new StatusTracker(ctx.clock());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Future<Void> start() {
        reason = "binding port " + port;
        return ctx.vertx().createHttpServer().requestHandler(this::handle).listen(port, "127.0.0.1")
                .onSuccess(s -> {
                    server = s;
                    state = SourceState.UP;
                    reason = "listening on port " + port;
                })
                .onFailure(e -> {
                    state = SourceState.DOWN;
                    reason = "port " + port + ": " + e.getMessage();
                })
                .mapEmpty();
    }

    @Override
    public Future<Void> stop() {
        state = SourceState.STOPPED;
        reason = "stopped";
        return server == null ? Future.succeededFuture() : server.close();
    }

    @Override
    public SourceStatus status() {
        return tracker.observe(state, reason);
    }

    @Override
    public Object details() {
        return new JsonObject().put("port", port).put("received", received).put("rejected", rejected);
    }

    @Override
    public JsonObject readiness() {
        return new JsonObject().put("received", received);
    }

    private void handle(HttpServerRequest req) {
        if (!"/readings".equals(req.path()) || req.method() != io.vertx.core.http.HttpMethod.POST) {
            req.response().setStatusCode(404).end();
            return;
        }
        req.body().onSuccess(body -> {
            Instant now = ctx.clock().instant();
            Optional<Device> device;
            List<Reading> readings = new ArrayList<>();
            try {
                JsonObject json = body.toJsonObject();
                device = ctx.site().device(json.getString("deviceId"));
                json.getJsonObject("readings", new JsonObject()).forEach(e -> quantity(e.getKey()).ifPresent(q ->
                        readings.add(new Reading(json.getString("deviceId"), q, ((Number) e.getValue()).doubleValue(), now))));
            } catch (DecodeException | ClassCastException | NullPointerException e) {
                rejected++;
                req.response().setStatusCode(400).end("not a reading: " + e.getMessage());
                return;
            }
            if (device.isEmpty() || readings.isEmpty()) {
                rejected++;
                req.response().setStatusCode(422).end("unknown device or no known reading");
                return;
            }
            received++;
            ctx.pipeline().acceptDecoded(NAME, "http", device.get(), Decoded.of(readings, List.of()), now)
                    .onComplete(ar -> req.response().setStatusCode(ar.succeeded() ? 204 : 503).end());
        });
    }

    private static Optional<Quantity> quantity(String field) {
        return Arrays.stream(Quantity.values()).filter(q -> q.field().equals(field)).findFirst();
    }
}
