package org.linli.gateway.notify;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.util.Map;

/** POSTs a body with a connect and idle timeout on the gateway's Vert.x HTTP client; TLS when the URL says https. */
final class HttpPoster {
    /** The answer: status, body text, and the Retry-After header if any. */
    record Answer(int status, String body, String retryAfter) {
    }

    private final HttpClient client;

    HttpPoster(HttpClient client) {
        this.client = client;
    }

    Future<Answer> post(String url, String contentType, Buffer body, Map<String, String> headers, int timeoutMs) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url)
                .setConnectTimeout(timeoutMs)
                .setIdleTimeout(timeoutMs)
                .putHeader("Content-Type", contentType);
        headers.forEach(options::putHeader);
        return client.request(options)
                .compose(req -> req.send(body))
                .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), b.toString(),
                        resp.getHeader("Retry-After"))));
    }
}
