package org.linli.drivers.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target: any topic a publisher can choose, routed through every built-in profile's topic template.
 * Routing never throws; a device id it finds is one non-empty topic level, and (for templates without +) the
 * template rebuilds exactly the topic it came from. Corpus: MqttTopicFuzzTestInputs/topic.
 */
class MqttTopicFuzzTest {
    private static final VendorProfiles PROFILES = VendorProfiles.builtIn();

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // guards regression runs; fuzzing runs pass -timeout=2 per input
    void topic(byte[] bytes) {
        String topic = new String(bytes, StandardCharsets.UTF_8); // what the MQTT client hands the gateway
        for (VendorProfile profile : PROFILES.all()) {
            Optional<String> id = profile.deviceIdFromTopic(topic);
            if (id.isEmpty()) {
                continue;
            }
            String level = id.get();
            assertFalse(level.isEmpty() || level.contains("/") || level.contains("+") || level.contains("#"),
                    () -> profile.name() + " routed '" + topic + "' to device id '" + level + "'");
            if (!List.of(profile.topicTemplate().split("/")).contains("+")) { // a + template cannot make topics
                assertEquals(topic, profile.topicFor(level), profile.name());
            }
        }
    }
}
