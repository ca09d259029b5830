package org.linli.drivers.onvif;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.drivers.model.EventType;

/**
 * Which ONVIF topics a camera model raises and how they map onto Linli events, loaded from
 * {@code profiles/onvif/<model>.yaml}. Vendor differences are data here, not branches in code (STYLE.md).
 */
public final class OnvifTopicProfile {
    /** One line of the map: topic → boolean SimpleItem → event on each edge (null: ignore that edge). */
    public record TopicRule(String topic, String item, EventType onTrue, EventType onFalse) {
    }

    /** {@code model} names the camera model for the reader of the file; the code looks topics up only. */
    private record ProfileFile(String model, List<TopicRule> topics) {
    }

    public static final String GENERIC = "generic";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, TopicRule> byTopic;

    private OnvifTopicProfile(Map<String, TopicRule> byTopic) {
        this.byTopic = byTopic;
    }

    public static OnvifTopicProfile generic() {
        return load(GENERIC);
    }

    /** Loads profiles/onvif/<name>.yaml from the classpath; fails with the file name and the fix on bad content. */
    public static OnvifTopicProfile load(String name) {
        String path = "profiles/onvif/" + name + ".yaml";
        try (InputStream in = resource(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no ONVIF topic profile " + path);
            }
            return fromYaml(path, YAML.readValue(in, ProfileFile.class));
        } catch (IOException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage()
                    + " (expected model and topics: [{topic, item, onTrue, onFalse}] with EventType names)", e);
        }
    }

    private static OnvifTopicProfile fromYaml(String path, ProfileFile file) {
        if (file.topics() == null || file.topics().isEmpty()) {
            throw new IllegalArgumentException(path + ": no topics");
        }
        Map<String, TopicRule> rules = new LinkedHashMap<>();
        for (TopicRule r : file.topics()) {
            if (r.topic() == null || r.item() == null || (r.onTrue() == null && r.onFalse() == null)) {
                throw new IllegalArgumentException(path + ": topic rule " + r
                        + " needs topic, item and at least one of onTrue/onFalse");
            }
            String key = OnvifTopic.normalise(r.topic());
            if (rules.put(key, r) != null) {
                throw new IllegalArgumentException(path + ": topic " + key + " listed twice");
            }
        }
        return new OnvifTopicProfile(Map.copyOf(rules));
    }

    private static InputStream resource(String name) {
        return OnvifTopicProfile.class.getClassLoader().getResourceAsStream("profiles/onvif/" + name + ".yaml");
    }

    /** The rule for a normalised topic (as in NotificationMessage.topic()). */
    public Optional<TopicRule> ruleFor(String normalisedTopic) {
        return Optional.ofNullable(byTopic.get(normalisedTopic));
    }
}
