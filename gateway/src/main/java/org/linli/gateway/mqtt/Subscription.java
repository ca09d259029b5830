package org.linli.gateway.mqtt;

import org.linli.drivers.mqtt.TopicTemplate;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.config.SubscriptionOptions;
import org.linli.gateway.pipeline.ProfileCatalog;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** One subscription per vendor profile used by an MQTT device, with the config's overrides applied. */
    public static List<Subscription> forSite(SiteDirectory site, MqttOptions mqtt, ProfileCatalog profiles) {
        Map<String, SubscriptionOptions> overrides = new LinkedHashMap<>();
        mqtt.subscriptions().forEach(s -> overrides.put(s.profile(), s));
        List<Subscription> out = new ArrayList<>();
        site.devices().stream().filter(d -> "mqtt".equals(d.transport())).map(Device::profile).distinct().forEach(p -> {
            SubscriptionOptions o = overrides.getOrDefault(p, SubscriptionOptions.forProfile(p));
            String template = o.topic() != null ? o.topic() : profiles.topicTemplate(p).orElseThrow();
            out.add(new Subscription(p, TopicTemplate.parse(template), o.qos(),
                    Duration.ofSeconds(o.expectedIntervalSeconds()), o.missedIntervals()));
        });
        return out;
    }
}
