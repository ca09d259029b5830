package org.linli.gateway.mqtt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopicTemplateTest {

    @Test
    @DisplayName("a template yields its subscription filter and the device id of matching topics only")
    void filterAndDeviceId() {
        TopicTemplate t = new TopicTemplate("ctwing/+/{deviceId}/data");
        assertEquals("ctwing/+/+/data", t.filter());
        assertEquals(Optional.of("8612"), t.deviceId("ctwing/prod1/8612/data"));
        assertEquals(Optional.empty(), t.deviceId("ctwing/prod1/8612/cmd"));
        assertEquals(Optional.empty(), t.deviceId("ctwing/prod1/8612/data/extra"));
        assertEquals(Optional.empty(), t.deviceId("ctwing/prod1//data"));
        assertEquals("ctwing/+/gas-1/data", t.topicFor("gas-1"));
    }

    @Test
    @DisplayName("templates without exactly one {deviceId} level, or with #, are refused")
    void badTemplates() {
        assertThrows(IllegalArgumentException.class, () -> new TopicTemplate("a/b"));
        assertThrows(IllegalArgumentException.class, () -> new TopicTemplate("a/{deviceId}/{deviceId}"));
        assertThrows(IllegalArgumentException.class, () -> new TopicTemplate("a/{deviceId}/#"));
    }

    @Test
    @DisplayName("a device subscription at QoS 0 cannot be built: alarms travel at QoS 1")
    void qosZeroRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Subscription("p", new TopicTemplate("a/{deviceId}"), 0,
                java.time.Duration.ofSeconds(60), 3));
    }
}
