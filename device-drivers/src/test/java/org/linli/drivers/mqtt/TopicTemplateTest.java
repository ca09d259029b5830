package org.linli.drivers.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Topic templates: subscription filter, building a device's topic, and taking the device id back out. */
class TopicTemplateTest {
    private final TopicTemplate acme = TopicTemplate.parse("acme/gas/{deviceId}/up");

    @Test
    @DisplayName("the filter replaces the device id level with a single-level wildcard")
    void filter() {
        assertEquals("acme/gas/+/up", acme.filter());
        assertEquals("$sys/GasPr0d/+/thing/property/post", TopicTemplate.parse("$sys/GasPr0d/{deviceId}/thing/property/post").filter());
    }

    @Test
    @DisplayName("topicFor and deviceIdFrom are inverse for a valid id")
    void roundTrip() {
        assertEquals("acme/gas/868120300001234/up", acme.topicFor("868120300001234"));
        assertEquals(Optional.of("868120300001234"), acme.deviceIdFrom(acme.topicFor("868120300001234")));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"acme/gas/123", "acme/gas/123/up/extra", "acme/water/123/up", "acme/gas//up", "acme/gas/123/down",
            "/acme/gas/123/up", "acme/gas/+/up", ""})
    @DisplayName("a topic that does not follow the template yields no device id")
    void nonMatchingTopics(String topic) {
        assertEquals(Optional.empty(), acme.deviceIdFrom(topic));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "a/b", "+", "dev#1"})
    @DisplayName("a device id that cannot be one topic level is refused when building a topic")
    void badDeviceIds(String id) {
        assertThrows(IllegalArgumentException.class, () -> acme.topicFor(id));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"acme/gas/up", "acme/{deviceId}/{deviceId}", "acme/x+/{deviceId}", "acme/#", "acme//{deviceId}",
            "acme/{productId}/{deviceId}", "acme/dev-{deviceId}"})
    @DisplayName("a template without exactly one whole {deviceId} level, or with wildcards, is refused with its text in the message")
    void badTemplates(String template) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopicTemplate.parse(template));
        assertTrue(e.getMessage().contains(template), e.getMessage());
    }

    @Test
    @DisplayName("a + level matches any non-empty level, so a platform's forwarding prefix can be ignored")
    void plusLevels() {
        TopicTemplate t = TopicTemplate.parse("ctwing/+/{deviceId}/data");
        assertEquals("ctwing/+/+/data", t.filter());
        assertEquals(Optional.of("8612"), t.deviceIdFrom("ctwing/prod1/8612/data"));
        assertEquals(Optional.empty(), t.deviceIdFrom("ctwing//8612/data"));
        assertEquals(Optional.empty(), t.deviceIdFrom("ctwing/prod1/8612/cmd"));
        assertThrows(IllegalStateException.class, () -> t.topicFor("8612"));
    }

    @Test
    @DisplayName("every built-in profile's topic round-trips a device id through its own template")
    void builtInProfilesRoundTrip() {
        for (VendorProfile p : VendorProfiles.builtIn().all()) {
            assertEquals(Optional.of("dev42"), p.deviceIdFromTopic(p.topicFor("dev42")), p.name());
            assertEquals(p.topicTemplate().replace("{deviceId}", "+"), p.topicFilter(), p.name());
        }
    }
}
