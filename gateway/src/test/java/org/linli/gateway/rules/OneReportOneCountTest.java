package org.linli.gateway.rules;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 14 item 4: a gas alarm's alarm event and its concentration in one message are one occurrence, not two. */
class OneReportOneCountTest {
    private final RuleFixture f = new RuleFixture();

    /** What the pipeline does with one decoded message: its readings, then its events, all with the message's time. */
    private void message(String device, Instant time, double lel) {
        f.activity.seen(device, f.clock.instant());
        f.engine.onReadings(f.device(device), List.of(new Reading(device, Quantity.GAS_LEL, lel, time)));
        f.engine.onEvent(f.device(device), new DeviceEvent(device, EventType.ALARM, time, "/event=alarm"));
    }

    private Alert gasAlert() {
        return f.alerts.list().stream().filter(a -> a.type() == AlertType.GAS_LEAK).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("one gas alarm message with an alarm event and a concentration above the threshold counts once")
    void oneMessageIsOneOccurrence() {
        // GIVEN a gas alarm
        // WHEN one message carries its alarm event and a concentration of 35 %LEL (two rules, one key)
        Instant sent = f.clock.instant();
        f.clock.advance(Duration.ofMillis(3));   // the rules run a moment after the device's time
        message("gas-3-2-501", sent, 35);
        // THEN there is one alert, seen once
        assertEquals(1, f.raised(AlertType.GAS_LEAK));
        assertEquals(1, gasAlert().count(), "one report is one occurrence");
        // AND its 说明 is the concentration rule's sentence (the first request), not a decoder pointer
        assertEquals("燃气浓度 35.0 %LEL（报警阈值 20.0）", gasAlert().detail());
    }

    @Test
    @DisplayName("a second message from the device (a later time) is a repeat and counts")
    void aLaterMessageIsARepeat() {
        // GIVEN one message already counted
        message("gas-3-2-501", f.clock.instant(), 35);
        // WHEN the device reports again a minute later (its event: the concentration rule stays above, no new request)
        f.clock.advance(Duration.ofMinutes(1));
        f.engine.onEvent(f.device("gas-3-2-501"), new DeviceEvent("gas-3-2-501", EventType.ALARM, f.clock.instant()));
        // THEN the alert counts two reports
        assertEquals(1, f.raised(AlertType.GAS_LEAK));
        assertEquals(2, gasAlert().count());
    }

    @Test
    @DisplayName("the same message delivered twice (an MQTT QoS 1 redelivery) is not counted twice")
    void redeliveryIsNotARepeat() {
        // GIVEN an alarm event counted
        Instant sent = f.clock.instant();
        f.engine.onEvent(f.device("gas-3-2-501"), new DeviceEvent("gas-3-2-501", EventType.ALARM, sent));
        // WHEN the same message (same device time) arrives again
        f.clock.advance(Duration.ofSeconds(2));
        f.engine.onEvent(f.device("gas-3-2-501"), new DeviceEvent("gas-3-2-501", EventType.ALARM, sent));
        // THEN it is still one occurrence, and no new version was published for it
        assertEquals(1, gasAlert().count());
        assertEquals(1, f.of(AlertType.GAS_LEAK).size());
    }
}
