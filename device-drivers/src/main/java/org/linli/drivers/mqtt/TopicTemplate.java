package org.linli.drivers.mqtt;

import java.util.List;
import java.util.Optional;

/**
 * An MQTT topic convention with exactly one level holding the device id, e.g. {@code acme/gas/{deviceId}/up}.
 * Other levels are literal, or {@code +} for a level that varies but does not matter (a platform that forwards
 * under {@code platform/+/{deviceId}/data} with a product id per batch of devices).
 */
public final class TopicTemplate {
    public static final String DEVICE_ID = "{deviceId}";

    private final String template;
    private final List<String> levels;
    private final int deviceIdLevel;

    private TopicTemplate(String template, List<String> levels, int deviceIdLevel) {
        this.template = template;
        this.levels = levels;
        this.deviceIdLevel = deviceIdLevel;
    }

    /** @throws IllegalArgumentException naming what is wrong with the template */
    public static TopicTemplate parse(String template) {
        if (template == null || template.isEmpty()) {
            throw new IllegalArgumentException("topic template is empty");
        }
        List<String> levels = List.of(template.split("/", -1));
        int deviceIdLevel = -1;
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            if (level.equals(DEVICE_ID)) {
                if (deviceIdLevel >= 0) {
                    throw new IllegalArgumentException("topic template '" + template + "' has " + DEVICE_ID + " more than once");
                }
                deviceIdLevel = i;
            } else if (level.equals("+")) {
                continue;
            } else if (level.isEmpty() || level.contains("+") || level.contains("#")
                    || level.contains("{") || level.contains("}")) {
                throw new IllegalArgumentException("topic template '" + template + "': level " + (i + 1) + " '" + level
                        + "' must be a non-empty literal, + or " + DEVICE_ID + " (no # and no other placeholders)");
            }
        }
        if (deviceIdLevel < 0) {
            throw new IllegalArgumentException("topic template '" + template + "' needs a level that is exactly " + DEVICE_ID);
        }
        return new TopicTemplate(template, levels, deviceIdLevel);
    }

    public String template() {
        return template;
    }

    /** The subscription filter: the template with the device id level replaced by {@code +}. */
    public String filter() {
        return template.replace(DEVICE_ID, "+");
    }

    /** @throws IllegalArgumentException if the id cannot be a single topic level */
    public String topicFor(String deviceId) {
        if (levels.contains("+")) {
            throw new IllegalStateException("topic template '" + template + "' has + levels: it matches topics, it cannot make one");
        }
        if (deviceId == null || deviceId.isEmpty() || deviceId.contains("/") || deviceId.contains("+") || deviceId.contains("#")) {
            throw new IllegalArgumentException("device id '" + deviceId + "' cannot be an MQTT topic level");
        }
        return template.replace(DEVICE_ID, deviceId);
    }

    /** The device id level of a topic, or empty if the topic does not follow this template. */
    public Optional<String> deviceIdFrom(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        String[] parts = topic.split("/", -1);
        if (parts.length != levels.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < parts.length; i++) {
            boolean any = levels.get(i).equals("+") && !parts[i].isEmpty();
            if (i != deviceIdLevel && !any && !parts[i].equals(levels.get(i))) {
                return Optional.empty();
            }
        }
        String id = parts[deviceIdLevel];
        return id.isEmpty() || id.contains("+") || id.contains("#") ? Optional.empty() : Optional.of(id);
    }

    @Override
    public String toString() {
        return template;
    }
}
