package org.linli.drivers.onvif;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;

/** Turns camera notifications into Linli DeviceEvents through a camera model's topic profile. */
public final class OnvifEventMapper {
    private final OnvifTopicProfile profile;

    public OnvifEventMapper(OnvifTopicProfile profile) {
        this.profile = profile;
    }

    /**
     * The event for one notification, or empty when its topic is not in the profile, its state item is missing
     * or not a boolean, it is a Deleted message, or it replays a quiet state at subscription start.
     */
    public Optional<DeviceEvent> map(String deviceId, NotificationMessage m) {
        Optional<OnvifTopicProfile.TopicRule> rule = profile.ruleFor(m.topic());
        if (rule.isEmpty() || "Deleted".equals(m.propertyOperation())) {
            return Optional.empty();
        }
        Boolean state = parseBoolean(m.data().get(rule.get().item()));
        if (state == null) {
            return Optional.empty();
        }
        if (!state && "Initialized".equals(m.propertyOperation())) {
            return Optional.empty();
        }
        EventType type = state ? rule.get().onTrue() : rule.get().onFalse();
        return type == null ? Optional.empty() : Optional.of(new DeviceEvent(deviceId, type, m.utcTime(), detail(m)));
    }

    public List<DeviceEvent> mapAll(String deviceId, List<NotificationMessage> messages) {
        List<DeviceEvent> out = new ArrayList<>();
        messages.forEach(m -> map(deviceId, m).ifPresent(out::add));
        return out;
    }

    /** "tns1:RuleEngine/CellMotionDetector/Motion VideoSourceConfigurationToken=VSC_1 IsMotion=true". */
    private static String detail(NotificationMessage m) {
        StringBuilder sb = new StringBuilder(m.topic());
        for (Map<String, String> items : List.of(m.source(), m.data())) {
            items.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        }
        return sb.toString();
    }

    private static Boolean parseBoolean(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
