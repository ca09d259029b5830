package org.linli.drivers.mqtt;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.linli.drivers.model.DeviceType;

/**
 * One vendor's MQTT payload format, loaded from a profile file: the topic convention, where the device id,
 * time, readings and event codes sit in the JSON, and how they map onto the internal vocabulary.
 * Instances are immutable and shared; build them with {@link ProfileReader} or get them from {@link VendorProfiles}.
 *
 * @param deviceIdPointer where the payload repeats the device id; when set it must agree with the topic
 */
public record VendorProfile(String name, DeviceType deviceType, String vendor, TopicTemplate topic,
                            Optional<String> deviceIdPointer, Optional<TimestampField> timestamp,
                            List<ReadingField> readings, List<EventField> events) {
    public VendorProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(deviceType, "deviceType");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(topic, "topic");
        readings = List.copyOf(readings);
        events = List.copyOf(events);
    }

    public String topicTemplate() {
        return topic.template();
    }

    /** The subscription filter, {@code {deviceId}} replaced by {@code +}. */
    public String topicFilter() {
        return topic.filter();
    }

    public String topicFor(String deviceId) {
        return topic.topicFor(deviceId);
    }

    /** The device id level of {@code topic}, or empty if the topic does not follow this profile's template. */
    public Optional<String> deviceIdFromTopic(String topic) {
        return this.topic.deviceIdFrom(topic);
    }

    /** The data-driven decoder for this profile's payloads. */
    public PayloadDecoder decoder() {
        return new ProfileDecoder(this);
    }
}
