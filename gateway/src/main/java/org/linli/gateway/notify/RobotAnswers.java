package org.linli.gateway.notify;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.time.Duration;

/**
 * Reads a chat robot's answer. Success is HTTP 200 AND {@code errcode == 0}: both robots answer 200 with an error
 * code for most failures. DingTalk 130101 ("send too fast") blocks the robot for 10 minutes; WeCom 45009 is its
 * frequency limit; HTTP 429 honours Retry-After. Other error codes mean a wrong key, token, signature or keyword:
 * retrying cannot help, so they are rejected at once (and life-safety alerts go to the fallback channel).
 */
final class RobotAnswers {
    static final int DINGTALK_TOO_FAST = 130101;
    static final int WECOM_FREQ_LIMIT = 45009;
    static final int SYSTEM_BUSY = -1;
    static final Duration DINGTALK_BLOCK = Duration.ofMinutes(10);
    static final Duration DEFAULT_THROTTLE = Duration.ofMinutes(1);

    private RobotAnswers() {
    }

    static DeliveryResult classify(HttpPoster.Answer a) {
        if (a.status() == 429) {
            return DeliveryResult.throttled(429, null, "HTTP 429", retryAfter(a.retryAfter()));
        }
        if (a.status() >= 500) {
            return DeliveryResult.retry(a.status(), null, "HTTP " + a.status());
        }
        if (a.status() != 200) {
            return DeliveryResult.rejected(a.status(), null, "HTTP " + a.status());
        }
        JsonObject json;
        try {
            json = new JsonObject(a.body());
        } catch (DecodeException | ClassCastException e) {
            return DeliveryResult.retry(200, null, "answer is not JSON: " + abbreviate(a.body()));
        }
        Integer errcode = json.getInteger("errcode");
        String errmsg = json.getString("errmsg", "");
        if (errcode == null) {
            return DeliveryResult.retry(200, null, "answer has no errcode: " + abbreviate(a.body()));
        }
        if (errcode == 0) {
            return DeliveryResult.delivered(200);
        }
        if (errcode == DINGTALK_TOO_FAST) {
            return DeliveryResult.throttled(200, errcode, errmsg, DINGTALK_BLOCK);
        }
        if (errcode == WECOM_FREQ_LIMIT) {
            return DeliveryResult.throttled(200, errcode, errmsg, DEFAULT_THROTTLE);
        }
        if (errcode == SYSTEM_BUSY) {
            return DeliveryResult.retry(200, errcode, errmsg);
        }
        return DeliveryResult.rejected(200, errcode, errmsg);
    }

    /** Retry-After in seconds (the HTTP-date form is rare for these services and falls back to a minute). */
    static Duration retryAfter(String header) {
        if (header != null) {
            try {
                return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        return DEFAULT_THROTTLE;
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** A failure without an HTTP answer (timeout, connection refused, DNS) is transient. */
    static DeliveryResult noAnswer(Throwable e) {
        return DeliveryResult.retry(0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}
