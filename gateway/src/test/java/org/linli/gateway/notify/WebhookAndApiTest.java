package org.linli.gateway.notify;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.gateway.TestSites;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.config.NotifyChannelOptions;
import org.linli.gateway.config.NotifyOptions;
import org.linli.gateway.http.HttpApi;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.SiteDirectory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linli.gateway.notify.NotifyFixture.await;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class WebhookAndApiTest {

    @Test
    @DisplayName("webhook: the alert JSON is POSTed with a timestamp and an HMAC-SHA256 signature the receiver can verify")
    void signedWebhook(Vertx vertx) throws Exception {
        // GIVEN a webhook receiver and a channel whose URL and secret come from the environment
        RobotReceiver hook = await(RobotReceiver.start(vertx, Clock.systemUTC()), Duration.ofSeconds(5));
        Map<String, String> env = new HashMap<>(NotifyFixture.ENV);
        env.put("HOOK_URL", hook.baseUrl() + "/hooks/linli?x=1");
        NotifyFixture fx = NotifyFixture.create(vertx, NotifyOptions.of(List.of(
                NotifyChannelOptions.webhook("hook", "HOOK_URL", "HOOK_SECRET"))).withDigestWindowSeconds(1),
                env, NotifyTiming.standard());
        // WHEN a gas alarm is raised
        fx.raise(TestAlerts.gasElderlyAlone("W1"), true);
        fx.until(() -> fx.notifier.idle() && hook.requests().size() == 1, Duration.ofSeconds(10), "posted");
        // THEN the body is the alert JSON and the signature matches HmacSHA256(secret, timestamp + "." + body)
        RobotReceiver.Request r = hook.requests().get(0);
        assertEquals("/hooks/linli", r.path());
        assertEquals("1", r.params().get("x"));
        JsonObject body = r.json();
        assertEquals("W1", body.getString("id"));
        assertEquals("3号楼2单元501室", body.getJsonObject("location").getString("description"));
        String ts = r.headers().get("X-Linli-Timestamp");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("hook-secret".getBytes(), "HmacSHA256"));
        assertEquals("sha256=" + HexFormat.of().formatHex(mac.doFinal((ts + "." + r.body()).getBytes())),
                r.headers().get("X-Linli-Signature"));
        await(hook.close(), Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("GET /api/alerts/{id}/deliveries lists the attempts of an alert raised through the alert service; unknown ids are 404")
    void deliveriesEndpoint(Vertx vertx) throws Exception {
        // GIVEN the alert service, the HTTP API and a notifier with one WeCom robot, wired as the gateway wires them
        RobotReceiver robot = await(RobotReceiver.start(vertx, Clock.systemUTC()), Duration.ofSeconds(5));
        NotifyFixture fx = NotifyFixture.create(vertx, NotifyOptions.of(List.of(
                NotifyFixture.wecom("wecom", robot.baseUrl(), 20, null, 3)))
                .withDigestWindowSeconds(1), NotifyFixture.ENV, NotifyTiming.standard());
        SiteDirectory site = SiteDirectory.from(TestSites.small());
        AlertService alerts = fx.call(() -> new AlertService(site, Clock.systemUTC()));
        HttpApi api = fx.call(() -> {
            alerts.addListener(fx.notifier);
            HttpApi h = new HttpApi(vertx, alerts, null, site, JsonObject::new);
            h.deliveries(fx.notifier::deliveries);
            return h;
        });
        await(fx.call(() -> api.listen("127.0.0.1", 0)), Duration.ofSeconds(5));
        // WHEN a gas alarm is raised and delivered
        Alert a = fx.call(() -> alerts.raise(new AlertRequest(AlertKey.device("gas-3-2-501", AlertType.GAS_LEAK), AlertType.GAS_LEAK,
                Severity.CRITICAL_VULNERABLE, Location.parse("3-2-501"), site.device("gas-3-2-501").orElseThrow(), "")));
        fx.until(() -> fx.notifier.idle() && robot.requests().size() == 1, Duration.ofSeconds(10), "delivered");
        // THEN the endpoint shows the delivery with channel, attempt, outcome and HTTP status
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + fx.call(api::port);
        HttpResponse<String> ok = client.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts/" + a.id() + "/deliveries"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode());
        JsonObject d = new JsonObject(ok.body()).getJsonArray("deliveries").getJsonObject(0);
        assertEquals("wecom", d.getString("channel"));
        assertEquals(1, d.getInteger("attempt"));
        assertEquals("DELIVERED", d.getString("outcome"));
        assertEquals(200, d.getInteger("httpStatus"));
        assertTrue(robot.requests().get(0).json().getJsonObject("text").getString("content").contains("王芳"));
        HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts/nope/deliveries"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        await(fx.call(api::close), Duration.ofSeconds(5));
        await(robot.close(), Duration.ofSeconds(5));
    }
}
