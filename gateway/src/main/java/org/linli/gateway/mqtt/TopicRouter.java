package org.linli.gateway.mqtt;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the subscription a topic belongs to and the device id it names, without splitting the topic: each
 * subscription's template is compiled once into its levels, and a topic is walked level by level against them, first
 * subscription first (the order {@link MqttIngest} always used). Immutable and thread-safe: it runs on Paho's
 * callback thread for every message.
 */
final class TopicRouter {
    /** A match: the subscription and the device id level of the topic. */
    record Route(Subscription subscription, String deviceId) {
    }

    private record Compiled(Subscription subscription, String[] levels, int deviceIdLevel) {
    }

    private static final String ANY = "+";
    private final Compiled[] compiled;

    TopicRouter(List<Subscription> subscriptions) {
        List<Compiled> out = new ArrayList<>();
        for (Subscription s : subscriptions) {
            String[] levels = s.topic().template().split("/", -1);
            int idLevel = -1;
            for (int i = 0; i < levels.length; i++) {
                if (levels[i].equals(org.linli.drivers.mqtt.TopicTemplate.DEVICE_ID)) {
                    idLevel = i;
                }
            }
            out.add(new Compiled(s, levels, idLevel));
        }
        this.compiled = out.toArray(Compiled[]::new);
    }

    /** The first subscription whose template the topic follows, or null (no subscription, or no usable device id). */
    Route route(String topic) {
        if (topic == null) {
            return null;
        }
        for (Compiled c : compiled) {
            String id = deviceId(c, topic);
            if (id != null) {
                return new Route(c.subscription(), id);
            }
        }
        return null;
    }

    /** The same answer as {@code TopicTemplate.deviceIdFrom}, walking the topic in place. */
    private static String deviceId(Compiled c, String topic) {
        int start = 0;
        String id = null;
        int n = topic.length();
        for (int level = 0; level < c.levels().length; level++) {
            if (start > n) {
                return null;                                  // fewer levels than the template
            }
            int end = topic.indexOf('/', start);
            if (end < 0) {
                end = n;
            }
            boolean last = level == c.levels().length - 1;
            if (last != (end == n)) {
                return null;                                  // more or fewer levels than the template
            }
            String expected = c.levels()[level];
            int len = end - start;
            if (level == c.deviceIdLevel()) {
                id = topic.substring(start, end);
            } else if (expected.equals(ANY)) {
                if (len == 0) {
                    return null;
                }
            } else if (len != expected.length() || !topic.regionMatches(start, expected, 0, len)) {
                return null;
            }
            start = end + 1;
        }
        return id == null || id.isEmpty() || id.indexOf('+') >= 0 || id.indexOf('#') >= 0 ? null : id;
    }
}
