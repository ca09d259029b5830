package org.linli.gateway.notify;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.config.NotifyOptions;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linli.gateway.notify.NotifyFixture.await;

/**
 * A burst of 200 alerts against one robot limited to 20 requests per window. The window is shortened to 1.5 s so the
 * test runs in seconds; the limiter is the same code that runs with a minute in production.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class BurstRateLimitTest {
    private static final Duration WINDOW = Duration.ofMillis(1500);
    private static final int LIMIT = 20;
    private static final Pattern ALERT_LINK = Pattern.compile("/api/alerts/([A-Za-z0-9-]+)");

    @Test
    @DisplayName("200 alerts at once: never more than 20 requests per window reach the robot, life-safety alerts go alone and first, every minor alert lands in exactly one digest")
    void burstOf200(Vertx vertx) {
        // GIVEN a WeCom robot allowing 20 requests per window, and a burst mixing 30 life-safety and 170 minor alerts
        RobotReceiver robot = await(RobotReceiver.start(vertx, Clock.systemUTC()), Duration.ofSeconds(5));
        NotifyFixture fx = NotifyFixture.create(vertx, NotifyOptions.of(List.of(
                NotifyFixture.wecom("wecom", robot.baseUrl(), LIMIT, null, 3)))
                .withDigestWindowSeconds(1), NotifyFixture.ENV,
                NotifyFixture.timing(WINDOW, Duration.ofMillis(100)));
        List<Alert> burst = new ArrayList<>();
        Set<String> lifeSafety = new HashSet<>();
        Set<String> minor = new HashSet<>();
        Severity[] minorLevels = {Severity.MAJOR, Severity.MINOR, Severity.WARNING};
        for (int i = 0; i < 200; i++) {
            String flat = String.format("%d-%d-%d%02d", 1 + i % 38, 1 + i % 4, 1 + i % 6, 1 + i % 2);
            Alert a;
            if (i % 7 == 3 && lifeSafety.size() < 30) {
                a = i % 2 == 0 ? TestAlerts.lifeSafety("L" + i, flat) : TestAlerts.gasElderlyAlone("L" + i);
                lifeSafety.add(a.id());
            } else {
                a = TestAlerts.minor("M" + i, flat, minorLevels[i % 3]);
                minor.add(a.id());
            }
            burst.add(a);
        }
        assertEquals(200, lifeSafety.size() + minor.size());

        // WHEN the whole burst arrives in one event-loop turn and the notifier works through it
        fx.raise(burst);
        fx.until(() -> fx.notifier.idle(), Duration.ofSeconds(45), "every alert sent");
        List<RobotReceiver.Request> reqs = robot.requests();

        // THEN no 21 requests ever fell within one window at the receiver
        for (int i = 0; i + LIMIT < reqs.size(); i++) {
            Duration span = Duration.between(reqs.get(i).at(), reqs.get(i + LIMIT).at());
            assertTrue(span.compareTo(WINDOW) >= 0, "requests " + i + ".." + (i + LIMIT) + " within " + span.toMillis() + " ms");
        }
        assertTrue(reqs.size() > LIMIT, "the burst needed more than one window (" + reqs.size() + " requests)");

        // AND every life-safety alert went alone, before any minor alert
        Map<String, Integer> seen = new HashMap<>();
        int lastLifeSafety = -1;
        int firstMinor = Integer.MAX_VALUE;
        int digests = 0;
        for (RobotReceiver.Request r : reqs) {
            JsonObject b = r.json();
            String content = "text".equals(b.getString("msgtype")) ? b.getJsonObject("text").getString("content")
                    : b.getJsonObject("markdown").getString("content");
            List<String> ids = new ArrayList<>();
            Matcher m = ALERT_LINK.matcher(content);
            while (m.find()) {
                ids.add(m.group(1));
            }
            ids.forEach(id -> seen.merge(id, 1, Integer::sum));
            if (ids.stream().anyMatch(lifeSafety::contains)) {
                assertEquals(1, ids.size(), "a life-safety alert is never digested");
                assertEquals("text", b.getString("msgtype"), "life-safety goes as text with the @-mention");
                lastLifeSafety = r.index();
            } else {
                firstMinor = Math.min(firstMinor, r.index());
                if (ids.size() > 1) {
                    digests++;
                    assertTrue(content.startsWith("### " + ids.size() + " 条一般告警"), content.substring(0, 40));
                }
            }
        }
        assertTrue(lastLifeSafety < firstMinor, "last life-safety request " + lastLifeSafety + ", first minor " + firstMinor);
        assertTrue(digests >= 2, "minor alerts were digested: " + digests + " digests");

        // AND nothing was lost or doubled: each of the 200 alerts appears in exactly one request
        assertEquals(200, seen.size(), "alerts seen at the robot");
        seen.forEach((id, n) -> assertEquals(1, n, id + " sent " + n + " times"));

        // AND the delivery log and counters agree
        for (Alert a : burst) {
            var log = fx.call(() -> fx.notifier.deliveries(a.id()));
            assertEquals("DELIVERED", log.getJsonObject(log.size() - 1).getString("outcome"), a.id());
        }
        JsonObject counters = fx.call(() -> fx.notifier.status()).getJsonObject("channels").getJsonObject("wecom")
                .getJsonObject("counters");
        assertEquals((long) reqs.size(), counters.getLong("DELIVERED"));
        assertEquals(200L, counters.getLong("alertsDelivered"));
        await(robot.close(), Duration.ofSeconds(5));
    }
}
