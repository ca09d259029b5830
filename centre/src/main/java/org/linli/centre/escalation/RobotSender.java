package org.linli.centre.escalation;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.linli.centre.config.DutyRobotConfig;

/**
 * POSTs a {@link RobotMessage} to a street's robot. Delivered means, as the gateway's RobotAnswers reads it, HTTP 200
 * with {@code errcode 0} for WeCom and DingTalk (both answer 200 with an error code for most failures), any 2xx for a
 * webhook; anything else fails the future with the answer. Runs on the event loop (Vert.x HTTP client).
 */
final class RobotSender {
    static final int TIMEOUT_MS = 10_000;

    private final HttpClient client;

    RobotSender(HttpClient client) {
        this.client = client;
    }

    Future<Void> send(DutyRobotConfig robot, JsonObject body) {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(robot.url())
                .setConnectTimeout(TIMEOUT_MS).setIdleTimeout(TIMEOUT_MS)
                .putHeader("Content-Type", "application/json; charset=utf-8");
        return client.request(o).compose(req -> req.send(Buffer.buffer(body.encode())))
                .compose(resp -> resp.body().compose(b -> delivered(robot.type(), resp.statusCode(), b.toString())
                        ? Future.<Void>succeededFuture()
                        : Future.failedFuture("robot answered HTTP " + resp.statusCode() + " "
                                + abbreviate(b.toString()))));
    }

    static boolean delivered(String type, int status, String body) {
        if ("webhook".equals(type)) {
            return status / 100 == 2;
        }
        if (status != 200) {
            return false;
        }
        try {
            return Integer.valueOf(0).equals(new JsonObject(body).getInteger("errcode"));
        } catch (DecodeException | ClassCastException e) {
            return false;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
