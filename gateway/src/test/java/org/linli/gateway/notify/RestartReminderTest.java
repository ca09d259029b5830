package org.linli.gateway.notify;

import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertState;
import org.linli.gateway.config.NotifyOptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linli.gateway.notify.NotifyFixture.await;

/**
 * After a restart the notifier's queues (in memory) are gone: alerts still waiting for acceptance are sent again as
 * reminders, alerts someone accepted are not, and the reminder counts as a notification for the repeat policy.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class RestartReminderTest {
    private RobotReceiver robot;

    @BeforeEach
    void start(Vertx vertx) {
        robot = await(RobotReceiver.start(vertx, Clock.systemUTC()), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        await(robot.close(), Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("restored alerts awaiting acceptance are re-sent once as 【再次报警】…（持续未处理）; accepted ones are not; repeats follow the quiet period from the reminder")
    void remindsUnacceptedOnly(Vertx vertx) {
        // GIVEN a WeCom channel on a freshly started gateway, and the alerts it restored from its store
        NotifyFixture fx = NotifyFixture.create(vertx, NotifyOptions.of(List.of(
                NotifyFixture.wecom("wecom", robot.baseUrl(), 20, null, 3)))
                .withDigestWindowSeconds(1).withRepeatQuietMinutes(30), NotifyFixture.ENV, NotifyTiming.standard());
        Alert waiting = TestAlerts.gasElderlyAlone("A1-gas");
        Alert accepted = inState(TestAlerts.lifeSafety("A2-fire", "7-1-301"), AlertState.ACCEPTED);
        Instant restartedAt = TestAlerts.T0.plus(Duration.ofMinutes(20));

        // WHEN the notifier is told about them at start-up
        fx.call(() -> {
            fx.notifier.remindAfterRestart(List.of(waiting, accepted), restartedAt);
            return null;
        });
        fx.until(() -> fx.notifier.idle(), Duration.ofSeconds(10), "the reminder delivered");

        // THEN exactly one message went out: the reminder for the unaccepted gas alarm
        assertEquals(1, robot.requests().size(), "one reminder, none for the accepted alert");
        String text = robot.requests().get(0).body();
        assertTrue(text.contains("【再次报警】") && text.contains("持续未处理") && text.contains("3-2-501"), text);

        // WHEN the same alarm repeats a minute later (inside the 30-minute quiet period)
        fx.raise(TestAlerts.repeatedAt(waiting, restartedAt.plus(Duration.ofMinutes(1)), 2), false);
        fx.holds(() -> robot.requests().size() == 1, Duration.ofMillis(500), "no message for the repeat");
        fx.until(() -> fx.notifier.idle(), Duration.ofSeconds(10), "nothing pending");
        // THEN people are not told again so soon
        assertEquals(1, robot.requests().size());

        // WHEN it is still alarming after the quiet period, counted from the reminder
        fx.raise(TestAlerts.repeatedAt(waiting, restartedAt.plus(Duration.ofMinutes(31)), 3), false);
        fx.until(() -> robot.requests().size() == 2, Duration.ofSeconds(10), "the repeat after the quiet period");
        // THEN they are told again (a restored alert is not silenced for good)
        assertTrue(robot.requests().get(1).body().contains("已报警 3 次"), robot.requests().get(1).body());
    }

    private static Alert inState(Alert a, AlertState state) {
        return a.toBuilder().state(state).build();
    }
}
