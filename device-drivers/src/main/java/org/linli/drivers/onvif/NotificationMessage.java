package org.linli.drivers.onvif;

import java.time.Instant;
import java.util.Map;

/**
 * One event notification from a camera.
 *
 * @param topic normalised topic ("tns1:RuleEngine/CellMotionDetector/Motion"), see {@link OnvifTopic}
 * @param rawTopic the topic as the camera wrote it
 * @param utcTime tt:Message@UtcTime (the camera's clock)
 * @param propertyOperation Initialized, Changed or Deleted ("" for stateless events)
 * @param source Source SimpleItems (which video source or rule), in document order
 * @param data Data SimpleItems (State, IsMotion, ...), in document order
 */
public record NotificationMessage(String topic, String rawTopic, Instant utcTime, String propertyOperation,
        Map<String, String> source, Map<String, String> data) {
    public NotificationMessage {
        source = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(source));
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
