package org.linli.sim.e2e;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP proxy in front of a real time-series server that answers some writes itself with an error: the way
 * to make a real server throttle (429 + Retry-After), be unavailable (503), refuse large bodies (413) or reject a
 * point (400). {@code fault} sees each write body and returns the fault to answer, or null to forward it.
 */
final class FaultInjectingProxy implements AutoCloseable {
    /** An answer the proxy gives instead of the server. */
    record Fault(int status, String retryAfter) {
    }

    private final Vertx vertx;
    private final HttpClient upstream;
    private final HttpServer server;
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger faults = new AtomicInteger();
    private volatile Function<String, Fault> fault = body -> null;

    FaultInjectingProxy(Vertx vertx, int upstreamPort) throws Exception {
        this.vertx = vertx;
        this.upstream = vertx.createHttpClient();
        this.server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> handle(req, body, upstreamPort)))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    void fault(Function<String, Fault> f) {
        this.fault = f;
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private void handle(HttpServerRequest req, Buffer body, int upstreamPort) {
        if (req.path().endsWith("/write")) {
            writes.incrementAndGet();
            Fault f = fault.apply(body.toString());
            if (f != null) {
                faults.incrementAndGet();
                if (f.retryAfter() != null) {
                    req.response().putHeader("Retry-After", f.retryAfter());
                }
                req.response().setStatusCode(f.status()).putHeader("Content-Type", "application/json")
                        .end("{\"code\":\"injected\",\"message\":\"injected fault " + f.status() + "\"}");
                return;
            }
        }
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.valueOf(req.method().name())).setHost("127.0.0.1")
                .setPort(upstreamPort).setURI(req.uri());
        req.headers().forEach(h -> {
            if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("content-length")) {
                o.addHeader(h.getKey(), h.getValue());
            }
        });
        upstream.request(o).compose(up -> up.send(body).compose(r -> r.body().map(b -> {
            req.response().setStatusCode(r.statusCode());
            r.headers().forEach(h -> {
                if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("transfer-encoding")) {
                    req.response().putHeader(h.getKey(), h.getValue());
                }
            });
            return b;
        }))).onComplete(ar -> {
            if (ar.succeeded()) {
                req.response().end(ar.result());
            } else {
                req.response().setStatusCode(502).end();
            }
        });
    }

    @Override
    public void close() throws Exception {
        Future.all(server.close(), upstream.close()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
