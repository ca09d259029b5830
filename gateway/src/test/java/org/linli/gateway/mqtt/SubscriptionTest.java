package org.linli.gateway.mqtt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.mqtt.TopicTemplate;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SubscriptionTest {

    @Test
    @DisplayName("a device subscription at QoS 0 cannot be built: alarms travel at QoS 1")
    void qosZeroRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Subscription("p", TopicTemplate.parse("a/{deviceId}"), 0,
                Duration.ofSeconds(60), 3));
    }

    @Test
    @DisplayName("a subscription is stale after missedIntervals expected intervals")
    void staleAfter() {
        Subscription s = new Subscription("p", TopicTemplate.parse("a/{deviceId}"), 1, Duration.ofSeconds(60), 3);
        assertEquals(Duration.ofMinutes(3), s.staleAfter());
    }
}
