package org.linli.gateway.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.linli.gateway.mqtt.MqttIngest;
import org.linli.gateway.mqtt.SubscriptionWatchdog;

/**
 * The broker connection: connected or not, reconnections, subscribe failures, the alert outbox, silent subscriptions
 * and their resubscriptions.
 */
public final class MqttMeters {
    private MqttMeters() {
    }

    /**
     * Registers meters that read their values from the component at scrape time (on the event loop), labelled with
     * the connection: {@code main}, or {@code life-safety} for the second connection
     * ({@code mqtt.lifeSafetyConnection}).
     */
    public static void register(MeterRegistry registry, MqttIngest mqtt, String connection) {
        Tags tags = Tags.of("connection", connection);
        Gauge.builder("linli.mqtt.connected", mqtt, m -> m.state() == MqttIngest.State.CONNECTED ? 1 : 0)
                .description("1 while connected to the MQTT broker").tags(tags).register(registry);
        FunctionCounter.builder("linli.mqtt.reconnects", mqtt, m -> Math.max(0, m.connects() - 1))
                .description("Connections to the broker after the first one").tags(tags).register(registry);
        FunctionCounter.builder("linli.mqtt.subscribe.failures", mqtt, MqttIngest::subscribeFailures)
                .description("Subscribe requests the broker refused or that failed").tags(tags).register(registry);
        Gauge.builder("linli.mqtt.outbox", mqtt, MqttIngest::outboxSize)
                .description("Alert messages waiting for the broker").tags(tags).register(registry);
        FunctionCounter.builder("linli.mqtt.outbox.dropped", mqtt, MqttIngest::outboxDropped)
                .description("Alert messages dropped because too many waited for the broker").tags(tags)
                .register(registry);
        FunctionCounter.builder("linli.mqtt.stale.resubscribes", mqtt, MqttIngest::staleResubscribes)
                .description("Subscriptions subscribed again because the watchdog found them silent").tags(tags)
                .register(registry);
        Gauge.builder("linli.mqtt.in.flight", mqtt, MqttIngest::inFlight)
                .description("Messages delivered by the broker and not yet taken into the disk queue (at most "
                        + "mqtt.maxInFlight)").tags(tags).register(registry);
        FunctionCounter.builder("linli.mqtt.receiver.wait.seconds", mqtt, MqttIngest::receiverWaitSeconds)
                .description("Time the MQTT receiver waited because mqtt.maxInFlight messages were not yet taken "
                        + "(back-pressure towards the broker)").tags(tags).register(registry);
        for (String profile : mqtt.subscriptionProfiles()) {
            Gauge.builder("linli.mqtt.subscription.stale", mqtt,
                            m -> m.watchdog().state(profile) == SubscriptionWatchdog.State.STALE ? 1 : 0)
                    .description("1 while a subscription has been silent for longer than its devices' reporting interval "
                            + "allows").tag("profile", profile).tags(tags).register(registry);
        }
    }
}
