package org.linli.gateway.mqtt;

import org.linli.drivers.mqtt.TopicTemplate;

import java.time.Duration;

/**
 * One subscription of the ingest: a vendor profile's topic convention and QoS, with the watchdog's expectation of
 * how often data should arrive on it.
 */
public record Subscription(String profile, TopicTemplate topic, int qos, Duration expectedInterval, int missedIntervals) {
    public Subscription {
        if (qos < 1) {
            // device topics carry alarms; alarms are never taken at QoS 0
            throw new IllegalArgumentException("device subscriptions must be QoS 1 or 2, got " + qos);
        }
    }

    public Duration staleAfter() {
        return expectedInterval.multipliedBy(missedIntervals);
    }
}
