package org.linli.gateway.notify;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.alert.AlertJson;

import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;

/**
 * A generic HTTPS webhook: POSTs the alert JSON (the same shape as the API, {@link AlertJson}); a digest is
 * {@code {"digest":true,"count":n,"alerts":[...]}}. With a secret, {@code X-Linli-Timestamp: <ms>} and
 * {@code X-Linli-Signature: sha256=<hex HmacSHA256(secret, timestamp + "." + body)>} let the receiver verify origin and
 * freshness. 2xx delivers, 429 throttles (Retry-After), 5xx retries, other 4xx rejects.
 */
final class WebhookChannel implements Channel {
    private final String id;
    private final HttpPoster http;
    private final String url;
    private final String secret;
    private final Clock clock;
    private final int timeoutMs;

    WebhookChannel(String id, HttpPoster http, String url, String secret, Clock clock, int timeoutMs) {
        this.id = id;
        this.http = http;
        this.url = url;
        this.secret = secret;
        this.clock = clock;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public int maxMessageBytes() {
        return 256 * 1024;
    }

    @Override
    public Future<DeliveryResult> send(Notice notice) {
        String body = body(notice).encode();
        Map<String, String> headers = Map.of();
        if (secret != null) {
            String ts = Long.toString(clock.millis());
            headers = Map.of("X-Linli-Timestamp", ts, "X-Linli-Signature", "sha256="
                    + HexFormat.of().formatHex(DingTalkSigner.hmacSha256(secret, ts + "." + body)));
        }
        return http.post(url, "application/json; charset=utf-8", Buffer.buffer(body), headers, timeoutMs)
                .map(WebhookChannel::classify)
                .otherwise(RobotAnswers::noAnswer);
    }

    static JsonObject body(Notice notice) {
        if (!notice.isDigest()) {
            return AlertJson.toJson(notice.first());
        }
        JsonArray alerts = new JsonArray();
        notice.alerts().forEach(a -> alerts.add(AlertJson.toJson(a)));
        return new JsonObject().put("digest", true).put("count", alerts.size()).put("alerts", alerts);
    }

    static DeliveryResult classify(HttpPoster.Answer a) {
        if (a.status() >= 200 && a.status() < 300) {
            return DeliveryResult.delivered(a.status());
        }
        if (a.status() == 429) {
            return DeliveryResult.throttled(429, null, "HTTP 429", RobotAnswers.retryAfter(a.retryAfter()));
        }
        if (a.status() >= 500 || a.status() == 408) {
            return DeliveryResult.retry(a.status(), null, "HTTP " + a.status());
        }
        return DeliveryResult.rejected(a.status(), null, "HTTP " + a.status() + " " + RobotAnswers.abbreviate(a.body()));
    }
}
