package org.linli.gateway.notify;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.config.NotifyOptions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linli.gateway.notify.NotifyFixture.await;

/** The exact documented request formats of the WeCom and DingTalk robots (DOMAIN.md §7), against a real HTTP server. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class RobotFormatTest {
    private RobotReceiver robot;
    private NotifyFixture fx;

    @BeforeEach
    void start(Vertx vertx) {
        robot = await(RobotReceiver.start(vertx, Clock.systemUTC()), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        await(robot.close(), Duration.ofSeconds(5));
    }

    private void wecom(Vertx vertx) {
        fx = NotifyFixture.create(vertx, NotifyOptions.of(List.of(
                NotifyFixture.wecom("wecom", robot.baseUrl(), 20, null, 3)))
                .withDigestWindowSeconds(1), NotifyFixture.ENV, NotifyTiming.standard());
    }

    private void dingtalk(Vertx vertx) {
        fx = NotifyFixture.create(vertx, NotifyOptions.of(List.of(NotifyFixture.dingtalk("ding", robot.baseUrl(), null)))
                .withDigestWindowSeconds(1), NotifyFixture.ENV, NotifyTiming.standard());
    }

    private RobotReceiver.Request onlyRequestAfter(Alert a) {
        fx.raise(a, true);
        fx.until(() -> fx.notifier.idle(), Duration.ofSeconds(10), "the alert delivered");
        assertEquals(1, robot.requests().size(), "one alert, one request");
        return robot.requests().get(0);
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    @DisplayName("WeCom: a life-safety alert is POSTed to /cgi-bin/webhook/send?key=KEY as JSON text with the grid worker in mentioned_mobile_list")
    void wecomLifeSafetyText(Vertx vertx) {
        // GIVEN a WeCom channel and a gas alarm in an elderly-living-alone flat
        wecom(vertx);
        Alert gas = TestAlerts.gasElderlyAlone("A1-gas");
        // WHEN it is raised
        RobotReceiver.Request r = onlyRequestAfter(gas);
        // THEN the request is exactly the documented one
        assertEquals("POST", r.method());
        assertEquals("/cgi-bin/webhook/send", r.path());
        assertEquals(List.of("key"), List.copyOf(r.params().names()));
        assertEquals("wk-693a91f6", r.params().get("key"));
        assertTrue(r.headers().get("Content-Type").startsWith("application/json"), r.headers().get("Content-Type"));
        JsonObject body = r.json();
        assertEquals(java.util.Set.of("msgtype", "text"), body.fieldNames());
        assertEquals("text", body.getString("msgtype"));
        JsonObject text = body.getJsonObject("text");
        assertEquals(java.util.Set.of("content", "mentioned_mobile_list"), text.fieldNames());
        assertEquals(List.of("13900000001"), text.getJsonArray("mentioned_mobile_list").getList());
        String content = text.getString("content");
        assertTrue(utf8(content) <= 2048, "text is at most 2048 bytes");
        // AND the message says, for a phone: elderly alone first, the place both ways, who, family, next step, link
        assertTrue(content.startsWith("【独居老人】燃气泄漏报警 3-2-501"), content);
        assertTrue(content.contains("3号楼2单元501室（3-2-501）"), content);
        assertTrue(content.contains("级别：特急"), content);
        // the console's word for the severity (GET /api/alert-model), not one of the chat's own
        assertTrue(content.contains("级别：" + org.linli.gateway.alert.AlertVocabulary.label(gas.severity())), content);
        assertTrue(content.contains("网格员：李娜 13900000001"), content);
        assertTrue(content.contains("家属：王芳（女儿） 13800000001"), content);
        assertTrue(content.contains("下一步：立即电话联系住户"), content);
        assertTrue(content.contains("http://gw.example:8080/api/alerts/A1-gas"), content);
        // AND the log shows the success
        assertEquals("DELIVERED", fx.call(() -> fx.notifier.deliveries("A1-gas")).getJsonObject(0).getString("outcome"));
    }

    @Test
    @DisplayName("WeCom: an escalation is sent as 【超时未接单·已升级】 naming who has it now, and rings the grid worker and the leader")
    void wecomEscalation(Vertx vertx) {
        // GIVEN a WeCom channel that already sent the gas alarm
        wecom(vertx);
        Alert gas = TestAlerts.gasElderlyAlone("A1-gas");
        onlyRequestAfter(gas);
        // WHEN nobody accepted it in time and it went up to the grid leader
        fx.raise(TestAlerts.escalatedTo(gas, 1, TestAlerts.LEADER), false);
        fx.until(() -> robot.requests().size() == 2 && fx.notifier.idle(), Duration.ofSeconds(10), "the escalation sent");
        // THEN the message says so at once, names the leader, and both phones are mentioned
        JsonObject text = robot.requests().get(1).json().getJsonObject("text");
        String content = text.getString("content");
        assertTrue(content.startsWith("【独居老人】【超时未接单·已升级】燃气泄漏报警 3-2-501"), content);
        assertTrue(content.contains("升级：第 1 级，已转 赵强 13900000009，请立即接单"), content);
        assertEquals(List.of("13900000001", "13900000009"), text.getJsonArray("mentioned_mobile_list").getList());
    }

    @Test
    @DisplayName("WeCom: a minor alert goes as markdown (msgtype/markdown.content only), mentions nobody, and shows count and evidence")
    void wecomMinorMarkdown(Vertx vertx) {
        // GIVEN a WeCom channel and a repeated offline meter with a snapshot
        wecom(vertx);
        Alert meter = TestAlerts.repeatedAt(TestAlerts.withDetail(TestAlerts.minor("A2-m", "7-1-101", Severity.MINOR),
                "最后一次上报 02:10"), TestAlerts.T0, 3);
        // WHEN it is raised (the 1 s digest window passes; a single minor alert is sent on its own)
        RobotReceiver.Request r = onlyRequestAfter(meter);
        // THEN it is a markdown message within 4096 bytes with no @-mention
        JsonObject body = r.json();
        assertEquals(java.util.Set.of("msgtype", "markdown"), body.fieldNames());
        assertEquals(java.util.Set.of("content"), body.getJsonObject("markdown").fieldNames());
        String md = body.getJsonObject("markdown").getString("content");
        assertTrue(utf8(md) <= 4096);
        assertTrue(md.startsWith("### 设备离线 7-1-101"), md);
        assertTrue(md.contains("已报警 3 次"), md);
        assertTrue(md.contains("**证据**：http://gw.example:8080/api/snapshots/s1"), md);
        assertFalse(md.contains("家属"), "family contacts only for life-safety alerts in elderly households");
    }

    @Test
    @DisplayName("WeCom: oversized content is cut to 2048 (text) and 4096 (markdown) bytes on a character boundary, never mid-emoji")
    void wecomByteLimits(Vertx vertx) {
        // GIVEN alerts whose detail alone is far over the limits, in 3- and 4-byte characters
        wecom(vertx);
        String huge = "燃气浓度持续升高🔥".repeat(600);
        Alert gas = TestAlerts.withDetail(TestAlerts.gasElderlyAlone("A3-big"), huge);
        Alert meter = TestAlerts.withDetail(TestAlerts.minor("A4-big", "7-1-102", Severity.MINOR), huge);
        // WHEN both are raised
        fx.raise(List.of(gas, meter));
        fx.until(() -> fx.notifier.idle() && robot.requests().size() == 2, Duration.ofSeconds(10), "both delivered");
        // THEN each content is within its limit, ends with the ellipsis, and holds no broken surrogate pair
        for (RobotReceiver.Request r : robot.requests()) {
            JsonObject b = r.json();
            boolean text = "text".equals(b.getString("msgtype"));
            String content = text ? b.getJsonObject("text").getString("content") : b.getJsonObject("markdown").getString("content");
            int limit = text ? 2048 : 4096;
            assertTrue(utf8(content) <= limit && utf8(content) > limit - 8, "cut close to " + limit + ": " + utf8(content));
            assertTrue(content.endsWith("…"));
            for (int i = 0; i < content.length(); i++) {
                char c = content.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    assertTrue(i + 1 < content.length() && Character.isLowSurrogate(content.charAt(i + 1)), "split emoji at " + i);
                }
            }
        }
    }

    @Test
    @DisplayName("DingTalk: POST /robot/send with access_token, a fresh timestamp and the HmacSHA256 sign recomputed independently; markdown with title, at.atMobiles, isAtAll false")
    void dingtalkSignedMarkdown(Vertx vertx) throws Exception {
        // GIVEN a signed DingTalk robot
        dingtalk(vertx);
        // WHEN a life-safety alert is raised
        RobotReceiver.Request r = onlyRequestAfter(TestAlerts.gasElderlyAlone("A5-ding"));
        // THEN method, path and exactly the three documented query parameters
        assertEquals("POST", r.method());
        assertEquals("/robot/send", r.path());
        assertEquals(java.util.Set.of("access_token", "timestamp", "sign"), r.params().names());
        assertEquals("dt-token-1", r.params().get("access_token"));
        assertTrue(r.headers().get("Content-Type").startsWith("application/json"));
        // AND the timestamp is milliseconds within an hour of now
        long ts = Long.parseLong(r.params().get("timestamp"));
        assertTrue(Math.abs(System.currentTimeMillis() - ts) < 3_600_000L, "timestamp within one hour");
        // AND sign = urlencode(base64(HmacSHA256(secret, timestamp + "\n" + secret))), computed here from the formula
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("SECd4f5e6a7b8c9".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((ts + "\n" + "SECd4f5e6a7b8c9").getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, r.params().get("sign"), "decoded sign parameter");
        assertTrue(r.rawQuery().contains("sign=" + URLEncoder.encode(expected, StandardCharsets.UTF_8)),
                "the raw query carries the URL-encoded base64: " + r.rawQuery());
        // AND the body is markdown with title and text, and @ the grid worker both in at.atMobiles and in the text
        JsonObject body = r.json();
        assertEquals(java.util.Set.of("msgtype", "markdown", "at"), body.fieldNames());
        assertEquals("markdown", body.getString("msgtype"));
        assertEquals(java.util.Set.of("title", "text"), body.getJsonObject("markdown").fieldNames());
        assertEquals("【独居老人】燃气泄漏报警 3-2-501", body.getJsonObject("markdown").getString("title"));
        String text = body.getJsonObject("markdown").getString("text");
        assertTrue(text.endsWith("@13900000001"), text);
        assertTrue(utf8(text) <= 4096);
        assertEquals(List.of("13900000001"), body.getJsonObject("at").getJsonArray("atMobiles").getList());
        assertEquals(Boolean.FALSE, body.getJsonObject("at").getBoolean("isAtAll"));
    }

    @Test
    @DisplayName("DingTalk: a minor alert mentions nobody (empty atMobiles, no @ in the text)")
    void dingtalkMinorNoMention(Vertx vertx) {
        // GIVEN a DingTalk robot  WHEN a minor alert is raised
        dingtalk(vertx);
        RobotReceiver.Request r = onlyRequestAfter(TestAlerts.minor("A6-m", "7-1-101", Severity.WARNING));
        // THEN nobody's phone rings
        JsonObject body = r.json();
        assertTrue(body.getJsonObject("at").getJsonArray("atMobiles").isEmpty());
        assertFalse(body.getJsonObject("markdown").getString("text").contains("@1"));
    }

    @Test
    @DisplayName("a robot error code (HTTP 200, errcode 310000 bad signature) is a failure, not a success: logged with its errcode, not retried")
    void errcodeIsFailure(Vertx vertx) {
        // GIVEN a robot that answers 200 with a signature error
        dingtalk(vertx);
        robot.answer(r -> RobotReceiver.Answer.errcode(310000, "sign not match"));
        // WHEN an alert is raised
        fx.raise(TestAlerts.lifeSafety("A7-x", "7-1-101"), true);
        fx.until(() -> fx.notifier.idle(), Duration.ofSeconds(10), "given up");
        // THEN one attempt, logged REJECTED with the errcode, then FAILED, and counted
        var log = fx.call(() -> fx.notifier.deliveries("A7-x"));
        assertEquals(1, robot.requests().size(), "a permanent error is not retried");
        assertEquals("REJECTED", log.getJsonObject(0).getString("outcome"));
        assertEquals(310000, log.getJsonObject(0).getInteger("errcode"));
        assertEquals(200, log.getJsonObject(0).getInteger("httpStatus"));
        assertEquals("FAILED", log.getJsonObject(1).getString("outcome"));
        assertEquals(1L, fx.call(() -> fx.notifier.status()).getJsonObject("channels").getJsonObject("ding")
                .getJsonObject("counters").getLong("FAILED"));
    }
}
