package org.linli.gateway.mqtt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.mqtt.TopicTemplate;
import org.linli.gateway.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SubscriptionWatchdogTest {

    @Test
    @DisplayName("a subscription silent for N expected intervals turns STALE once, and RECEIVING again on the next message")
    void staleAndBack() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
        Subscription s = new Subscription("p", TopicTemplate.parse("v/{deviceId}"), 1, Duration.ofSeconds(60), 3);
        List<String> changes = new ArrayList<>();
        SubscriptionWatchdog w = new SubscriptionWatchdog(clock, List.of(s), (sub, st) -> changes.add(st.name()));
        clock.advance(Duration.ofSeconds(100));
        w.messageOn("p");
        clock.advance(Duration.ofSeconds(179));
        w.check();
        assertEquals(SubscriptionWatchdog.State.RECEIVING, w.state("p"));
        clock.advance(Duration.ofSeconds(1));
        w.check();
        w.check();
        assertEquals(SubscriptionWatchdog.State.STALE, w.state("p"));
        w.messageOn("p");
        assertEquals(List.of("STALE", "RECEIVING"), changes);
    }

    @Test
    @DisplayName("after a reconnect the silence clock restarts, so the outage itself does not count as device silence")
    void reconnectRestartsClock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
        Subscription s = new Subscription("p", TopicTemplate.parse("v/{deviceId}"), 1, Duration.ofSeconds(10), 2);
        SubscriptionWatchdog w = new SubscriptionWatchdog(clock, List.of(s), (sub, st) -> { });
        clock.advance(Duration.ofSeconds(15));
        w.restartClocks();
        clock.advance(Duration.ofSeconds(15));
        w.check();
        assertEquals(SubscriptionWatchdog.State.RECEIVING, w.state("p"));
        clock.advance(Duration.ofSeconds(5));
        w.check();
        assertEquals(SubscriptionWatchdog.State.STALE, w.state("p"));
    }
}
