package org.linli.gateway.notify;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertState;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepeatPolicyTest {
    @Test
    @DisplayName("a flapping sensor notifies once, then again only after 30 quiet minutes; evidence and clear versions do not notify")
    void repeatsNeedAQuietPeriod() {
        // GIVEN a 30-minute quiet period and a new alert
        RepeatPolicy p = new RepeatPolicy(Duration.ofMinutes(30));
        Alert a = TestAlerts.lifeSafety("A1", "7-1-101");
        assertTrue(p.shouldNotify(a, true), "a new alert notifies");
        // WHEN it repeats 50 times within 29 minutes THEN none of those notify
        for (int i = 1; i <= 50; i++) {
            assertFalse(p.shouldNotify(TestAlerts.repeatedAt(a, TestAlerts.T0.plusSeconds(i * 34), i + 1), false));
        }
        // WHEN it repeats after 30 minutes THEN it notifies once, and the clock restarts from there
        Alert late = TestAlerts.repeatedAt(a, TestAlerts.T0.plus(Duration.ofMinutes(31)), 52);
        assertTrue(p.shouldNotify(late, false));
        assertFalse(p.shouldNotify(TestAlerts.repeatedAt(a, TestAlerts.T0.plus(Duration.ofMinutes(40)), 53), false));
        // AND an evidence version or a device-cleared version does not notify
        Alert cleared = a.toBuilder().version(9).state(AlertState.DEVICE_CLEARED)
                .lastSeenAt(TestAlerts.T0.plus(Duration.ofHours(2))).count(53).build();
        assertFalse(p.shouldNotify(cleared, false));
        assertFalse(p.shouldNotify(TestAlerts.withDetail(a, "snapshot"), false), "count 1, not a repeat");
    }

    @Test
    @DisplayName("each escalation level notifies once, inside the quiet period too; an accepted alert's versions do not")
    void escalationsNotifyOncePerLevel() {
        // GIVEN a notified gas alarm
        RepeatPolicy p = new RepeatPolicy(Duration.ofMinutes(30));
        Alert a = TestAlerts.gasElderlyAlone("A1");
        assertTrue(p.shouldNotify(a, true));
        // WHEN nobody accepts it and it goes up to the grid leader, then to the duty office
        Alert toLeader = TestAlerts.escalatedTo(a, 1, TestAlerts.LEADER);
        Alert toDuty = TestAlerts.escalatedTo(a, 2, TestAlerts.DUTY);
        // THEN each level notifies once, though both come within the quiet period
        assertTrue(p.shouldNotify(toLeader, false), "escalated to the leader");
        assertFalse(p.shouldNotify(toLeader, false), "the same level again");
        assertTrue(p.shouldNotify(toDuty, false), "escalated to the duty office");
        // AND after a restart reminder at level 2, a version at level 2 is not an escalation any more
        RepeatPolicy restarted = new RepeatPolicy(Duration.ofMinutes(30));
        restarted.notified(toDuty, TestAlerts.T0.plus(Duration.ofMinutes(20)));
        assertFalse(restarted.shouldNotify(toDuty, false));
        // AND an accepted alert never counts as escalated
        Alert accepted = a.toBuilder().version(9).state(AlertState.ACCEPTED).assignee(a.gridWorker())
                .escalation(3, TestAlerts.DUTY).build();
        assertFalse(p.shouldNotify(accepted, false));
    }

    @Test
    @DisplayName("the sliding window frees a slot exactly one window after an answer, and in-flight requests hold slots")
    void slidingWindow() {
        // GIVEN 2 per 60 s with one answered request and one in flight
        SlidingWindowLimiter l = new SlidingWindowLimiter(2, Duration.ofSeconds(60));
        l.begin();
        l.end(TestAlerts.T0);
        l.begin();
        // THEN nothing is free and the wait is unknown until the in-flight one answers
        assertTrue(l.free(TestAlerts.T0.plusSeconds(1)) == 0);
        assertTrue(l.untilFree(2, TestAlerts.T0.plusSeconds(1)) == null);
        // WHEN it answers at +10 s THEN one slot frees at +60 s and the second at +70 s
        l.end(TestAlerts.T0.plusSeconds(10));
        assertTrue(l.untilFree(1, TestAlerts.T0.plusSeconds(20)).equals(Duration.ofSeconds(40)));
        assertTrue(l.free(TestAlerts.T0.plusSeconds(60)) == 1);
        assertTrue(l.free(TestAlerts.T0.plusSeconds(70)) == 2);
    }
}
