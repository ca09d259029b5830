package org.linli.centre.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON answers. */
final class Json {
    private Json() {
    }

    static void ok(RoutingContext ctx, JsonObject body) {
        send(ctx, 200, body);
    }

    static void send(RoutingContext ctx, int status, JsonObject body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body.encode());
    }

    static void error(RoutingContext ctx, int status, String message) {
        send(ctx, status, new JsonObject().put("error", message));
    }
}
