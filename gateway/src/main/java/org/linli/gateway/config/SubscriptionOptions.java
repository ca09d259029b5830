package org.linli.gateway.config;

/**
 * One subscription. By default the gateway subscribes to the topic convention of every vendor profile in use;
 * an entry here overrides the topic (a platform that forwards under its own prefix), the QoS, and the watchdog:
 * "no data for {@code missedIntervals} × {@code expectedIntervalSeconds}" marks the subscription stale.
 */
public record SubscriptionOptions(
        String profile,
        String topic,
        Integer qos,
        Integer expectedIntervalSeconds,
        Integer missedIntervals) {

    public SubscriptionOptions {
        qos = qos == null ? 1 : qos;
        expectedIntervalSeconds = expectedIntervalSeconds == null ? 300 : expectedIntervalSeconds;
        missedIntervals = missedIntervals == null ? 3 : missedIntervals;
    }

    public static SubscriptionOptions forProfile(String profile) {
        return new SubscriptionOptions(profile, null, null, null, null);
    }
}
