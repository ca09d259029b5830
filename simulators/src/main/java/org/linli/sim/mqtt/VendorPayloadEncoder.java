package org.linli.sim.mqtt;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.Reading;
import org.linli.drivers.mqtt.EventField;
import org.linli.drivers.mqtt.ReadingField;
import org.linli.drivers.mqtt.StrictJson;
import org.linli.drivers.mqtt.TimestampField;
import org.linli.drivers.mqtt.VendorProfile;

/**
 * The inverse of a profile's decoder: builds the JSON a vendor's device would publish for some readings and
 * events, from the same profile data (pointers, inverse scale, inverse code maps, the vendor's time format).
 * This is how the simulated compound speaks every vendor format without a line of vendor-specific code.
 *
 * <p>Values are rounded to what the vendor can express (a 0.1 %LEL integer, whole epoch seconds). Event
 * details are not carried; the decoder derives its own.
 */
public final class VendorPayloadEncoder {

    /**
     * @throws IllegalArgumentException if the profile cannot carry the content: a quantity or event it has no
     *                                  field for, two events in a single-code field, several times where the
     *                                  format has one, a required field the content does not fill, or nothing at all
     */
    public byte[] encode(VendorProfile profile, String deviceId, Decoded content) {
        if (content.isEmpty()) {
            throw new IllegalArgumentException("nothing to encode: a message needs at least one reading or event");
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        profile.deviceIdPointer().ifPresent(p -> put(root, p, JsonNodeFactory.instance.textNode(deviceId)));
        List<Instant> messageTimes = new ArrayList<>();
        Set<ReadingField> writtenReadings = new HashSet<>();
        for (Reading reading : content.readings()) {
            ReadingField field = readingField(profile, reading);
            if (!writtenReadings.add(field)) {
                throw new IllegalArgumentException("profile " + profile.name() + " carries one " + reading.quantity() + " per message");
            }
            put(root, field.pointer(), field.encoding().write(field.toRaw(reading.value())));
            stamp(profile, root, field.timePointer(), reading.time(), messageTimes);
        }
        Map<EventField, List<DeviceEvent>> byField = new LinkedHashMap<>();
        for (DeviceEvent event : content.events()) {
            byField.computeIfAbsent(eventField(profile, event.type()), f -> new ArrayList<>()).add(event);
        }
        byField.forEach((field, events) -> {
            put(root, field.pointer(), field.encode(events.stream().map(DeviceEvent::type).toList()));
            for (DeviceEvent event : events) {
                stamp(profile, root, field.timePointer(), event.time(), messageTimes);
            }
        });
        fillRequired(profile, root, writtenReadings, byField.keySet());
        writeMessageTime(profile, root, messageTimes, content);
        return StrictJson.write(root);
    }

    private static ReadingField readingField(VendorProfile profile, Reading reading) {
        return profile.readings().stream().filter(f -> f.quantity() == reading.quantity()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "profile " + profile.name() + " has no pointer for quantity " + reading.quantity()));
    }

    private static EventField eventField(VendorProfile profile, EventType type) {
        return profile.events().stream().filter(f -> f.carries(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("profile " + profile.name() + " has no code for event " + type));
    }

    /** Writes a per-field time, or records the time as one the message-level timestamp must carry. */
    private static void stamp(VendorProfile profile, ObjectNode root, Optional<String> timePointer, Instant time,
                              List<Instant> messageTimes) {
        if (timePointer.isEmpty()) {
            messageTimes.add(time);
            return;
        }
        TimestampField ts = profile.timestamp().orElseThrow();
        JsonNode value = ts.format().write(time, ts.zone());
        JsonNode existing = root.at(timePointer.get());
        if (!existing.isMissingNode() && !existing.equals(value)) {
            throw new IllegalArgumentException(timePointer.get() + " carries one time, not " + existing + " and " + value);
        }
        put(root, timePointer.get(), value);
    }

    /** Required fields the content left empty get their "nothing to report" value, e.g. a report message type. */
    private static void fillRequired(VendorProfile profile, ObjectNode root, Set<ReadingField> readings, Set<EventField> events) {
        for (ReadingField field : profile.readings()) {
            if (field.required() && !readings.contains(field)) {
                throw new IllegalArgumentException("profile " + profile.name() + " requires " + field.quantity()
                        + " at " + field.pointer() + " in every message");
            }
        }
        for (EventField field : profile.events()) {
            if (field.required() && !events.contains(field)) {
                JsonNode quiet = field.quietValue().orElseThrow(() -> new IllegalArgumentException("profile " + profile.name()
                        + " requires an event code at " + field.pointer() + " in every message and has no 'none' code"));
                put(root, field.pointer(), quiet);
            }
        }
    }

    private static void writeMessageTime(VendorProfile profile, ObjectNode root, List<Instant> messageTimes, Decoded content) {
        if (messageTimes.stream().distinct().count() > 1) {
            throw new IllegalArgumentException("profile " + profile.name() + " has one time per message, content has "
                    + messageTimes.stream().distinct().toList());
        }
        Optional<TimestampField> ts = profile.timestamp().filter(t -> t.pointer().isPresent());
        if (ts.isEmpty()) {
            return; // the decoder stamps these values with the receive time
        }
        Instant time = messageTimes.isEmpty() ? firstTime(content) : messageTimes.get(0);
        put(root, ts.get().pointer().get(), ts.get().format().write(time, ts.get().zone()));
    }

    private static Instant firstTime(Decoded content) {
        return content.readings().isEmpty() ? content.events().get(0).time() : content.readings().get(0).time();
    }

    /** Sets {@code value} at {@code pointer}, creating the objects on the way. */
    private static void put(ObjectNode root, String pointer, JsonNode value) {
        ObjectNode parent = root;
        JsonPointer at = JsonPointer.compile(pointer);
        while (!at.tail().matches()) {
            String name = at.getMatchingProperty();
            JsonNode child = parent.get(name);
            if (child == null) {
                child = parent.putObject(name);
            } else if (!child.isObject()) {
                throw new IllegalArgumentException(pointer + ": '" + name + "' is already a value, cannot hold fields");
            }
            parent = (ObjectNode) child;
            at = at.tail();
        }
        parent.set(at.getMatchingProperty(), value);
    }
}
