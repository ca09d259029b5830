package org.linli.gateway.mqtt;

import java.util.Optional;

/**
 * A vendor's topic convention such as {@code acme/gas/{deviceId}/up} or {@code ctwing/+/{deviceId}/data}: one level
 * is the device id, {@code +} levels are ignored. Gives the MQTT filter to subscribe to and the device id of a topic.
 */
public final class TopicTemplate {
    private static final String ID = "{deviceId}";
    private final String template;
    private final String[] levels;
    private final int idLevel;

    public TopicTemplate(String template) {
        this.template = template;
        this.levels = template.split("/", -1);
        int found = -1;
        for (int i = 0; i < levels.length; i++) {
            if (ID.equals(levels[i])) {
                if (found >= 0) {
                    throw new IllegalArgumentException("topic '" + template + "' names {deviceId} twice");
                }
                found = i;
            } else if (levels[i].contains("#") || levels[i].contains("{")) {
                throw new IllegalArgumentException("topic '" + template + "': use + for ignored levels and {deviceId} once; # is not allowed");
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("topic '" + template + "' has no {deviceId} level");
        }
        this.idLevel = found;
    }

    /** The MQTT subscription filter: the template with {deviceId} as {@code +}. */
    public String filter() {
        return template.replace(ID, "+");
    }

    /** The device id carried by {@code topic}, or empty when the topic does not follow this template. */
    public Optional<String> deviceId(String topic) {
        String[] parts = topic.split("/", -1);
        if (parts.length != levels.length) {
            return Optional.empty();
        }
        for (int i = 0; i < levels.length; i++) {
            if (i != idLevel && !"+".equals(levels[i]) && !levels[i].equals(parts[i])) {
                return Optional.empty();
            }
        }
        return parts[idLevel].isEmpty() ? Optional.empty() : Optional.of(parts[idLevel]);
    }

    public String topicFor(String deviceId) {
        return template.replace(ID, deviceId);
    }

    @Override
    public String toString() {
        return template;
    }
}
