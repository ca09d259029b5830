package org.linli.gateway.web;

import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * How the API takes request bodies (docs/API.md, "Request bodies"): JSON only, read into memory up to a stated size,
 * never a file on disk. Vert.x's default {@code BodyHandler} streams multipart file parts to {@code ./file-uploads}
 * and keeps them; here uploads are off and multipart is refused before anything is parsed. A refused request costs
 * nothing lasting: the answer is sent and the connection closed, so the rest of its body is never read.
 * In its own package below {@code http} and {@code auth} because both mount routes that read bodies (the API's alert
 * actions, the console login), and {@code auth} must not depend on {@code http}. Runs on the event loop.
 */
public final class RequestBodies {
    /** The largest body any route takes (an alert action, a household's away flag); also the bound for all routes. */
    public static final int MAX_BYTES = 64 * 1024;
    /** {@code POST /api/login}: a user name and a password. */
    public static final int LOGIN_MAX_BYTES = 4 * 1024;

    private RequestBodies() {
    }

    /** Reads a body of at most {@code maxBytes} into memory; a larger declared or sent body is refused with 413. */
    public static BodyHandler upTo(int maxBytes) {
        return BodyHandler.create(false).setBodyLimit(maxBytes).setMergeFormAttributes(false);
    }

    /**
     * The first handler of every route: refuses a multipart body (415) and a declared length above {@link #MAX_BYTES}
     * (413) on the request line and headers alone, before a byte of the body is read.
     */
    public static void screen(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length())) {
            refuse(ctx, 415, "multipart bodies are not accepted: send JSON");
            return;
        }
        if (declaredLength(ctx) > MAX_BYTES) {
            tooLarge(ctx);
            return;
        }
        ctx.next();
    }

    /** The router's answer to 413, from {@link #screen} or a body handler that saw too many bytes. */
    public static void tooLarge(RoutingContext ctx) {
        refuse(ctx, 413, "the request body is too large");
    }

    private static long declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;   // unreadable: treated as too large rather than guessed at
        }
    }

    private static void refuse(RoutingContext ctx, int status, String message) {
        if (ctx.response().ended()) {
            return;
        }
        boolean http1 = ctx.request().version() != HttpVersion.HTTP_2;
        if (http1) {
            ctx.response().putHeader("Connection", "close");
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("error", message).encode())
                .onComplete(v -> {
                    if (http1) {
                        ctx.request().connection().close();   // stop reading a body nobody will use
                    }
                });
    }
}
