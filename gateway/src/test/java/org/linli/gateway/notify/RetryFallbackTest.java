package org.linli.gateway.notify;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.config.NotifyOptions;
import org.linli.gateway.metrics.GatewayMetrics;
import org.linli.gateway.metrics.NotifyMeters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linli.gateway.notify.NotifyFixture.await;

/** Retries with back-off, throttle pauses and the fallback channel, against real HTTP receivers that fail on purpose. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class RetryFallbackTest {
    private static final Duration BACKOFF = Duration.ofMillis(200);
    private RobotReceiver primary;
    private RobotReceiver backup;

    @BeforeEach
    void start(Vertx vertx) {
        primary = await(RobotReceiver.start(vertx, Clock.systemUTC()), Duration.ofSeconds(5));
        backup = await(RobotReceiver.start(vertx, Clock.systemUTC()), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        await(primary.close(), Duration.ofSeconds(5));
        await(backup.close(), Duration.ofSeconds(5));
    }

    /** A WeCom primary (3 attempts) falling back to a DingTalk robot that gets alerts only that way. */
    private NotifyFixture wecomWithDingTalkFallback(Vertx vertx) {
        return NotifyFixture.create(vertx, NotifyOptions.of(List.of(
                NotifyFixture.wecom("wecom", primary.baseUrl(), 20, "ding", 3),
                NotifyFixture.fallbackOnly(NotifyFixture.dingtalk("ding", backup.baseUrl(), null))))
                .withDigestWindowSeconds(1),
                NotifyFixture.ENV, NotifyFixture.timing(Duration.ofMinutes(1), BACKOFF));
    }

    private static List<String> outcomes(JsonArray log) {
        return log.stream().map(o -> ((JsonObject) o).getString("outcome")).toList();
    }

    @Test
    @DisplayName("HTTP 500 twice, then success: three attempts with a growing back-off, each logged with its status")
    void retriesWithBackoff(Vertx vertx) {
        // GIVEN a robot that fails twice with HTTP 500
        AtomicInteger calls = new AtomicInteger();
        primary.answer(r -> calls.incrementAndGet() <= 2 ? RobotReceiver.Answer.http(500) : RobotReceiver.Answer.ok());
        NotifyFixture fx = wecomWithDingTalkFallback(vertx);
        // WHEN a life-safety alert is raised
        fx.raise(TestAlerts.lifeSafety("A1-r", "7-1-101"), true);
        fx.until(() -> fx.notifier.idle(), Duration.ofSeconds(10), "delivered");
        // THEN the third attempt delivers, after waits of at least half of 1x and 2x the initial back-off (jitter)
        List<RobotReceiver.Request> reqs = primary.requests();
        assertEquals(3, reqs.size());
        Duration first = Duration.between(reqs.get(0).at(), reqs.get(1).at());
        Duration second = Duration.between(reqs.get(1).at(), reqs.get(2).at());
        assertTrue(first.compareTo(BACKOFF.dividedBy(2)) >= 0, "first wait " + first);
        assertTrue(second.compareTo(BACKOFF) >= 0, "second wait " + second);
        JsonArray log = fx.call(() -> fx.notifier.deliveries("A1-r"));
        assertEquals(List.of("RETRY", "RETRY", "DELIVERED"), outcomes(log), log.encodePrettily());
        assertEquals(500, log.getJsonObject(0).getInteger("httpStatus"));
        assertEquals(List.of(1, 2, 3), log.stream().map(o -> ((JsonObject) o).getInteger("attempt")).toList());
        // AND the fallback was not needed
        assertEquals(0, backup.requests().size());
    }

    @Test
    @DisplayName("HTTP 500 every time: after the attempt limit the message is FAILED and counted; a life-safety alert then goes to the fallback channel")
    void exhaustedGoesToFallback(Vertx vertx) {
        // GIVEN a primary robot that always answers 500
        primary.answer(r -> RobotReceiver.Answer.http(500));
        NotifyFixture fx = wecomWithDingTalkFallback(vertx);
        // WHEN a life-safety and a minor alert are raised
        fx.raise(List.of(TestAlerts.gasElderlyAlone("A2-ls"), TestAlerts.minor("A3-m", "7-1-101", Severity.MINOR)));
        fx.until(() -> fx.notifier.idle(), Duration.ofSeconds(15), "all given up or delivered");
        // THEN the life-safety alert was tried 3 times, failed, forwarded and delivered by the DingTalk fallback
        JsonArray log = fx.call(() -> fx.notifier.deliveries("A2-ls"));
        assertEquals(List.of("RETRY", "RETRY", "RETRY", "FAILED", "FORWARDED", "DELIVERED"), outcomes(log));
        JsonObject viaFallback = log.getJsonObject(5);
        assertEquals("ding", viaFallback.getString("channel"));
        assertEquals("wecom", viaFallback.getString("forwardedFrom"));
        assertEquals(1, backup.requests().size());
        assertTrue(backup.requests().get(0).json().getJsonObject("markdown").getString("text").contains("3-2-501"));
        // AND the minor alert failed on the primary too (counted, logged) but is not pushed to the fallback
        assertEquals("FAILED", outcomes(fx.call(() -> fx.notifier.deliveries("A3-m"))).get(3));
        JsonObject counters = fx.call(() -> fx.notifier.status()).getJsonObject("channels").getJsonObject("wecom")
                .getJsonObject("counters");
        assertEquals(2L, counters.getLong("FAILED"));
        assertEquals(6L, counters.getLong("RETRY"));
        assertEquals(1L, counters.getLong("FORWARDED"));
        // AND /metrics counts the same per channel and outcome, with the outcomes that did not happen at 0
        try (GatewayMetrics metrics = new GatewayMetrics()) {
            String text = fx.call(() -> metrics.add(new NotifyMeters(metrics.registry(), fx.notifier)).scrape());
            for (String series : List.of("channel=\"wecom\",outcome=\"failed\"} 2.0", "channel=\"wecom\",outcome=\"retry\"} 6.0",
                    "channel=\"wecom\",outcome=\"forwarded\"} 1.0", "channel=\"wecom\",outcome=\"delivered\"} 0.0",
                    "channel=\"ding\",outcome=\"delivered\"} 1.0", "channel=\"ding\",outcome=\"failed\"} 0.0")) {
                assertTrue(text.contains("linli_notify_messages_total{" + series + "\n"), series + " in\n" + text);
            }
        }
    }

    @Test
    @DisplayName("errcode 130101: the DingTalk robot is paused 10 minutes and sent nothing more; life-safety alerts go to the WeCom fallback, minor ones wait queued")
    void blockedRobotPausesAndFallsBack(Vertx vertx) {
        // GIVEN a DingTalk robot that is over its limit, with a WeCom fallback
        primary.answer(r -> RobotReceiver.Answer.errcode(130101, "send too fast, exceed 20 times per minute"));
        NotifyFixture fx = NotifyFixture.create(vertx, NotifyOptions.of(List.of(
                NotifyFixture.dingtalk("ding", primary.baseUrl(), "wecom"),
                NotifyFixture.fallbackOnly(NotifyFixture.wecom("wecom", backup.baseUrl(), 20, null, 3))))
                .withDigestWindowSeconds(1),
                NotifyFixture.ENV, NotifyFixture.timing(Duration.ofMinutes(1), BACKOFF));
        Instant before = Instant.now();
        // WHEN a life-safety alert is raised, then two more and a minor one while the robot is blocked
        fx.raise(TestAlerts.gasElderlyAlone("B1"), true);
        fx.until(() -> backup.requests().size() == 1, Duration.ofSeconds(10), "first alert via fallback");
        fx.raise(List.of(TestAlerts.lifeSafety("B2", "7-1-101"), TestAlerts.lifeSafety("B3", "7-1-102"),
                TestAlerts.minor("B4", "7-1-103", Severity.MINOR)));
        fx.until(() -> backup.requests().size() == 3, Duration.ofSeconds(10), "later alerts via fallback");
        // past the 1 s digest window, when the minor alert would have been sent, the blocked robot still has one request
        fx.holds(() -> primary.requests().size() == 1, Duration.ofMillis(1500), "nothing more sent to the blocked robot");
        // THEN the blocked robot got exactly the one request that told it was blocked
        assertEquals(1, primary.requests().size());
        JsonObject ding = fx.call(() -> fx.notifier.status()).getJsonObject("channels").getJsonObject("ding");
        assertEquals(Boolean.TRUE, ding.getBoolean("blocked"));
        Instant until = Instant.parse(ding.getString("pausedUntil"));
        assertTrue(until.isAfter(before.plus(Duration.ofMinutes(9))) && until.isBefore(Instant.now().plus(Duration.ofMinutes(11))),
                "paused about 10 minutes: " + until);
        // AND the minor alert waits in the queue (to be digested after the pause), not dropped
        assertEquals(1, ding.getInteger("queuedMinor"));
        assertEquals(0, ding.getInteger("queuedLifeSafety"));
        JsonArray b1 = fx.call(() -> fx.notifier.deliveries("B1"));
        assertEquals(List.of("THROTTLED", "FORWARDED", "DELIVERED"), outcomes(b1));
        assertEquals(130101, b1.getJsonObject(0).getInteger("errcode"));
        assertEquals(List.of("FORWARDED", "DELIVERED"), outcomes(fx.call(() -> fx.notifier.deliveries("B2"))));
        assertEquals(List.of(), outcomes(fx.call(() -> fx.notifier.deliveries("B4"))));
        // AND the fallback messages are the full life-safety messages with the @-mention
        backup.requests().forEach(r -> assertEquals("text", r.json().getString("msgtype")));
    }

    @Test
    @DisplayName("HTTP 429 with Retry-After: the channel pauses that long, then delivers the same message")
    void http429HonoursRetryAfter(Vertx vertx) {
        // GIVEN a robot answering 429 Retry-After: 1 once
        AtomicInteger calls = new AtomicInteger();
        primary.answer(r -> calls.incrementAndGet() == 1
                ? new RobotReceiver.Answer(429, "slow down", Map.of("Retry-After", "1")) : RobotReceiver.Answer.ok());
        NotifyFixture fx = wecomWithDingTalkFallback(vertx);
        // WHEN a minor alert is raised
        fx.raise(TestAlerts.minor("C1", "7-1-101", Severity.MAJOR), true);
        fx.until(() -> fx.notifier.idle(), Duration.ofSeconds(10), "delivered");
        // THEN the retry came at least a second later and succeeded
        List<RobotReceiver.Request> reqs = primary.requests();
        assertEquals(2, reqs.size());
        assertTrue(Duration.between(reqs.get(0).at(), reqs.get(1).at()).toMillis() >= 1000);
        assertEquals(List.of("THROTTLED", "DELIVERED"), outcomes(fx.call(() -> fx.notifier.deliveries("C1"))));
    }
}
