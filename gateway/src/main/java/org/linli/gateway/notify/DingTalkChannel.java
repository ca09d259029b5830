package org.linli.gateway.notify;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * A DingTalk (钉钉) custom robot: {@code POST <base>/robot/send?access_token=T&timestamp=MS&sign=S} (timestamp and sign
 * only when the robot has a signing secret), body {@code markdown} with {@code title} and {@code text} plus
 * {@code at.atMobiles} and {@code isAtAll:false}. DingTalk only rings a mentioned phone when the text also carries
 * "@phone", so the text ends with it. Kept within 4096 bytes like WeCom (DingTalk's own limit is larger).
 */
final class DingTalkChannel implements Channel {
    static final int MARKDOWN_LIMIT = 4096;

    private final String id;
    private final HttpPoster http;
    private final String baseUrl;
    private final String token;
    private final String secret;
    private final AlertMessages messages;
    private final Clock clock;
    private final int timeoutMs;

    DingTalkChannel(String id, HttpPoster http, String baseUrl, String token, String secret, AlertMessages messages,
                    Clock clock, int timeoutMs) {
        this.id = id;
        this.http = http;
        this.baseUrl = WeComChannel.trimSlash(baseUrl);
        this.token = token;
        this.secret = secret;
        this.messages = messages;
        this.clock = clock;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "dingtalk";
    }

    @Override
    public int maxMessageBytes() {
        return MARKDOWN_LIMIT;
    }

    /** The URL for one request: signed with the current time, since DingTalk accepts a timestamp within an hour. */
    String url() {
        String u = baseUrl + "/robot/send?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        if (secret == null) {
            return u;
        }
        long ts = clock.millis();
        return u + "&timestamp=" + ts + "&sign=" + DingTalkSigner.sign(secret, ts);
    }

    @Override
    public Future<DeliveryResult> send(Notice notice) {
        return http.post(url(), "application/json; charset=utf-8", Buffer.buffer(body(notice).encode()), Map.of(), timeoutMs)
                .map(RobotAnswers::classify)
                .otherwise(RobotAnswers::noAnswer);
    }

    JsonObject body(Notice notice) {
        RenderedMessage m = notice.isDigest() ? messages.digest(notice.alerts()) : messages.single(notice.first(), notice.repeat());
        StringBuilder at = new StringBuilder();
        m.mentionMobiles().forEach(p -> at.append(" @").append(p));
        String tail = at.length() == 0 ? "" : "\n\n" + at.toString().trim();
        // The @phone tail must survive truncation, so it is reserved before the body is cut.
        String text = Utf8Text.truncate(m.markdown(), MARKDOWN_LIMIT - Utf8Text.bytes(tail)) + tail;
        return new JsonObject()
                .put("msgtype", "markdown")
                .put("markdown", new JsonObject().put("title", m.title()).put("text", text))
                .put("at", new JsonObject().put("atMobiles", new JsonArray(m.mentionMobiles())).put("isAtAll", false));
    }
}
