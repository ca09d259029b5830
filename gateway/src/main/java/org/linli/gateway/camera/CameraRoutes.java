package org.linli.gateway.camera;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/** {@code GET /api/snapshots/{id}} (the stored JPEG) and {@code GET /api/cameras/discovery} (docs/API.md). */
final class CameraRoutes {
    private final Vertx vertx;
    private final SnapshotStore store;

    CameraRoutes(Vertx vertx, SnapshotStore store) {
        this.vertx = vertx;
        this.store = store;
    }

    void mount(Router router) {
        router.get("/api/snapshots/:id").handler(this::snapshot);
        router.get("/api/cameras/discovery").handler(this::discovery);
    }

    private void snapshot(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> store.file(id), false).onComplete(ar -> {
            if (ar.succeeded() && ar.result().isPresent()) {
                ctx.response().putHeader("Content-Type", "image/jpeg")
                        .putHeader("Cache-Control", "private, max-age=86400")
                        .sendFile(ar.result().get().toString());
            } else {
                error(ctx, 404, "no snapshot " + id);
            }
        });
    }

    /**
     * Probes for {@code wait} seconds (1..10, default 3). {@code host} defaults to the WS-Discovery multicast group
     * and may only be another multicast or a loopback address: the API must not send datagrams anywhere it is told.
     */
    private void discovery(RoutingContext ctx) {
        int wait = intParam(ctx, "wait", 3, 1, 10);
        int port = intParam(ctx, "port", 3702, 1, 65535);
        String host = ctx.request().getParam("host", "239.255.255.250");
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            error(ctx, 400, "unknown host " + host);
            return;
        }
        if (!address.isMulticastAddress() && !address.isLoopbackAddress()) {
            error(ctx, 400, "host must be a multicast or loopback address");
            return;
        }
        InetSocketAddress target = new InetSocketAddress(address, port);
        vertx.executeBlocking(() -> CameraDiscovery.probe(target, Duration.ofSeconds(wait)), false).onComplete(ar -> {
            if (ar.succeeded()) {
                ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(CameraDiscovery.toJson(ar.result()).encode());
            } else {
                error(ctx, 500, "probe failed: " + ar.cause().getMessage());
            }
        });
    }

    private static int intParam(RoutingContext ctx, String name, int dflt, int min, int max) {
        try {
            String v = ctx.request().getParam(name);
            return v == null ? dflt : Math.max(min, Math.min(max, Integer.parseInt(v)));
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("error", message).encode());
    }
}
