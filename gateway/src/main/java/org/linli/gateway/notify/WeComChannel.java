package org.linli.gateway.notify;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A WeCom (企业微信) group robot: {@code POST <base>/cgi-bin/webhook/send?key=KEY} with JSON. Life-safety alerts go as
 * {@code text} with {@code mentioned_mobile_list} (only the text type can @ a phone number; ≤ 2048 bytes); everything
 * else as {@code markdown} (≤ 4096 bytes). Content over the limit is cut on a character boundary.
 */
final class WeComChannel implements Channel {
    static final int TEXT_LIMIT = 2048;
    static final int MARKDOWN_LIMIT = 4096;

    private final String id;
    private final HttpPoster http;
    private final String url;
    private final AlertMessages messages;
    private final int timeoutMs;

    WeComChannel(String id, HttpPoster http, String baseUrl, String key, AlertMessages messages, int timeoutMs) {
        this.id = id;
        this.http = http;
        this.url = trimSlash(baseUrl) + "/cgi-bin/webhook/send?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        this.messages = messages;
        this.timeoutMs = timeoutMs;
    }

    static String trimSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "wecom";
    }

    @Override
    public int maxMessageBytes() {
        return MARKDOWN_LIMIT;
    }

    @Override
    public Future<DeliveryResult> send(Notice notice) {
        return http.post(url, "application/json; charset=utf-8", Buffer.buffer(body(notice).encode()), Map.of(), timeoutMs)
                .map(RobotAnswers::classify)
                .otherwise(RobotAnswers::noAnswer);
    }

    JsonObject body(Notice notice) {
        RenderedMessage m = notice.isDigest() ? messages.digest(notice.alerts()) : messages.single(notice.first(), notice.repeat());
        if (!m.mentionMobiles().isEmpty()) {
            return new JsonObject().put("msgtype", "text").put("text", new JsonObject()
                    .put("content", Utf8Text.truncate(m.text(), TEXT_LIMIT))
                    .put("mentioned_mobile_list", new JsonArray(m.mentionMobiles())));
        }
        return new JsonObject().put("msgtype", "markdown")
                .put("markdown", new JsonObject().put("content", Utf8Text.truncate(m.markdown(), MARKDOWN_LIMIT)));
    }
}
