package org.linli.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Warms the HTTP server's path before the gateway connects to the broker: the first requests after a start (a
 * Prometheus scrape, an operator opening the console) otherwise spent ~100 ms of the event loop in class loading and
 * first calls (Netty's HTTP codec, Micrometer's collection), and alarms and a backlog's first group commit waited
 * behind them (docs/BENCHMARKS.md, "The first write, the harness's own load and a drain's CPU by process"). Sends
 * {@code GET /health} and {@code GET /metrics} to the gateway's own listener over loopback, one after the other, and
 * drops the answers; neither needs a login or changes anything. Skipped with HTTPS, where a request to itself would
 * have to skip the certificate's checks. Never fails the start: a request not answered within {@link #BOUND} ends
 * the warm-up.
 */
public final class HttpPathWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(HttpPathWarmUp.class);
    static final Duration BOUND = Duration.ofSeconds(1);
    static final List<String> PATHS = List.of("/health", "/metrics");

    /** What a warm-up did: the requests answered with 200, and how long it took. */
    public record Result(int answered, Duration took) {
    }

    private HttpPathWarmUp() {
    }

    /**
     * Requests {@link #PATHS} from {@code host:port} (a wildcard address is asked on 127.0.0.1); completes, never
     * failed, when every path was answered, or at the first that failed or was not answered within {@link #BOUND}.
     */
    public static Future<Result> run(Vertx vertx, String host, int port, boolean tls) {
        if (tls) {
            return Future.succeededFuture(new Result(0, Duration.ZERO));
        }
        String target = host == null || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        long start = System.nanoTime();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(1).setKeepAlive(true));
        int[] answered = {0};
        Future<Void> chain = Future.succeededFuture();
        for (String path : PATHS) {
            RequestOptions get = new RequestOptions().setMethod(HttpMethod.GET).setHost(target).setPort(port)
                    .setURI(path).setConnectTimeout(BOUND.toMillis()).setIdleTimeout(BOUND.toMillis());
            chain = chain.compose(v -> client.request(get))
                    .compose(req -> req.send())
                    .compose(resp -> resp.body().map(body -> {
                        if (resp.statusCode() == 200) {
                            answered[0]++;
                        }
                        return (Void) null;
                    }));
        }
        return chain.transform(ar -> {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (ar.failed()) {
                LOG.info("HTTP warm-up: {} of {} requests answered in {} ms ({})", answered[0], PATHS.size(),
                        took.toMillis(), ar.cause().toString());
            } else {
                LOG.info("HTTP warm-up: {} requests answered in {} ms", answered[0], took.toMillis());
            }
            return client.close().transform(c -> Future.succeededFuture(new Result(answered[0], took)));
        });
    }
}
