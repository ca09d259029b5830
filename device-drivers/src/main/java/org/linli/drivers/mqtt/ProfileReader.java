package org.linli.drivers.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.linli.drivers.model.DeviceType;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.Quantity;

/**
 * Reads one profile file (format: profiles/mqtt/README.md). Every problem becomes an
 * {@link InvalidProfileException} naming the file and the key, so an installer can fix it without the code.
 */
public final class ProfileReader {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final Set<String> PROFILE_KEYS =
            Set.of("name", "deviceType", "vendor", "topic", "deviceId", "timestamp", "readings", "events");
    private static final Set<String> TIMESTAMP_KEYS = Set.of("pointer", "format", "required", "zone");
    private static final Set<String> READING_KEYS =
            Set.of("pointer", "quantity", "type", "scale", "offset", "required", "time");
    private static final Set<String> EVENT_KEYS = Set.of("pointer", "type", "codes", "bits", "required", "time");
    /** The code value meaning "known, nothing happened" (e.g. status normal). */
    public static final String NO_EVENT = "none";

    private final String source;

    private ProfileReader(String source) {
        this.source = source;
    }

    /** @param source file name or resource path, used in error messages */
    public static VendorProfile read(String source, InputStream in) {
        ProfileReader reader = new ProfileReader(source);
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            throw new InvalidProfileException(source, "not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidProfileException(source, "cannot read: " + e.getMessage(), e);
        }
        return reader.profile(root);
    }

    private VendorProfile profile(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw fail("", "expected a mapping of profile keys");
        }
        checkKeys("", root, PROFILE_KEYS);
        String name = text(root, "name", "");
        DeviceType deviceType = convert("deviceType", () -> DeviceType.fromId(text(root, "deviceType", "")));
        TopicTemplate topic = convert("topic", () -> TopicTemplate.parse(text(root, "topic", "")));
        Optional<String> deviceId = optionalText(root, "deviceId", "");
        Optional<TimestampField> timestamp = root.has("timestamp") ? Optional.of(timestamp(root.get("timestamp"))) : Optional.empty();
        List<ReadingField> readings = new ArrayList<>();
        forEach(root, "readings", (node, at) -> readings.add(reading(node, at)));
        List<EventField> events = new ArrayList<>();
        forEach(root, "events", (node, at) -> events.add(event(node, at)));
        if (readings.isEmpty() && events.isEmpty()) {
            throw fail("", "a profile needs at least one entry under 'readings' or 'events'");
        }
        boolean fieldTimes = readings.stream().anyMatch(r -> r.timePointer().isPresent())
                || events.stream().anyMatch(e -> e.timePointer().isPresent());
        if (fieldTimes && timestamp.isEmpty()) {
            throw fail("", "'time' pointers need a 'timestamp' block giving at least the format");
        }
        deviceId.ifPresent(p -> convert("deviceId", () -> com.fasterxml.jackson.core.JsonPointer.compile(p)));
        return new VendorProfile(name, deviceType, text(root, "vendor", ""), topic, deviceId, timestamp, readings, events);
    }

    private TimestampField timestamp(JsonNode node) {
        String at = "timestamp";
        checkKeys(at, node, TIMESTAMP_KEYS);
        TimestampFormat format = convert(at + ".format", () -> TimestampFormat.fromId(text(node, "format", at)));
        ZoneOffset zone = convert(at + ".zone", () -> ZoneOffset.of(optionalText(node, "zone", at).orElse("Z")));
        return convert(at, () -> new TimestampField(optionalText(node, "pointer", at), format, flag(node, "required", at), zone));
    }

    private ReadingField reading(JsonNode node, String at) {
        checkKeys(at, node, READING_KEYS);
        Quantity quantity = convert(at + ".quantity", () -> quantity(text(node, "quantity", at)));
        ValueEncoding encoding = convert(at + ".type", () -> ValueEncoding.fromId(optionalText(node, "type", at).orElse("number")));
        BigDecimal scale = decimal(node, "scale", at, BigDecimal.ONE);
        BigDecimal offset = decimal(node, "offset", at, BigDecimal.ZERO);
        return convert(at, () -> new ReadingField(text(node, "pointer", at), quantity, encoding, scale, offset,
                flag(node, "required", at), optionalText(node, "time", at)));
    }

    private EventField event(JsonNode node, String at) {
        checkKeys(at, node, EVENT_KEYS);
        Map<String, Optional<EventType>> codes = new LinkedHashMap<>();
        TreeMap<Integer, EventType> bits = new TreeMap<>();
        forEntries(node, "codes", at, (code, value) -> codes.put(code, value.equals(NO_EVENT)
                ? Optional.empty() : Optional.of(convert(at + ".codes." + code, () -> eventType(value)))));
        forEntries(node, "bits", at, (bit, value) -> bits.put(
                convert(at + ".bits." + bit, () -> Integer.parseInt(bit)),
                convert(at + ".bits." + bit, () -> eventType(value))));
        boolean allNumeric = codes.keySet().stream().allMatch(c -> c.matches("-?\\d{1,18}"));
        EventField.CodeType type = convert(at + ".type", () -> optionalText(node, "type", at)
                .map(t -> EventField.CodeType.valueOf(t.toUpperCase(java.util.Locale.ROOT)))
                .orElse(allNumeric ? EventField.CodeType.INTEGER : EventField.CodeType.STRING));
        return convert(at, () -> new EventField(text(node, "pointer", at), type, codes, bits,
                flag(node, "required", at), optionalText(node, "time", at)));
    }

    private static Quantity quantity(String id) {
        for (Quantity q : Quantity.values()) {
            if (q.name().equalsIgnoreCase(id) || q.field().equals(id)) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown quantity '" + id + "' (expected one of " + List.of(Quantity.values()) + ")");
    }

    private static EventType eventType(String id) {
        for (EventType t : EventType.values()) {
            if (t.name().equalsIgnoreCase(id) || t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown event '" + id + "' (expected '" + NO_EVENT + "' or one of "
                + List.of(EventType.values()) + ")");
    }

    // --- small typed accessors that turn every surprise into a message naming the key ---

    private interface Conversion<T> {
        T get();
    }

    private interface ElementHandler {
        void accept(JsonNode node, String at);
    }

    private interface EntryHandler {
        void accept(String key, String value);
    }

    private <T> T convert(String at, Conversion<T> conversion) {
        try {
            return conversion.get();
        } catch (InvalidProfileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw fail(at, e.getMessage());
        }
    }

    private void checkKeys(String at, JsonNode node, Set<String> allowed) {
        if (!node.isObject()) {
            throw fail(at, "expected a mapping");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw fail(join(at, key), "unknown key (allowed: " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    private String text(JsonNode node, String key, String at) {
        return optionalText(node, key, at).orElseThrow(() -> fail(join(at, key), "required key is missing"));
    }

    private Optional<String> optionalText(JsonNode node, String key, String at) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw fail(join(at, key), "expected a non-empty text value");
        }
        return Optional.of(value.asText());
    }

    private boolean flag(JsonNode node, String key, String at) {
        JsonNode value = node.get(key);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw fail(join(at, key), "expected true or false");
        }
        return value.booleanValue();
    }

    private BigDecimal decimal(JsonNode node, String key, String at, BigDecimal absent) {
        JsonNode value = node.get(key);
        if (value == null) {
            return absent;
        }
        if (!value.isNumber()) {
            throw fail(join(at, key), "expected a number");
        }
        return value.decimalValue();
    }

    private void forEach(JsonNode node, String key, ElementHandler handler) {
        JsonNode list = node.get(key);
        if (list == null) {
            return;
        }
        if (!list.isArray()) {
            throw fail(key, "expected a list");
        }
        for (int i = 0; i < list.size(); i++) {
            handler.accept(list.get(i), key + "[" + i + "]");
        }
    }

    private void forEntries(JsonNode node, String key, String at, EntryHandler handler) {
        JsonNode map = node.get(key);
        if (map == null) {
            return;
        }
        if (!map.isObject()) {
            throw fail(join(at, key), "expected a mapping of code to event");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw fail(join(at, key) + "." + e.getKey(), "expected an event name");
            }
            handler.accept(e.getKey(), e.getValue().textValue());
        }
    }

    private static String join(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    private InvalidProfileException fail(String at, String problem) {
        return new InvalidProfileException(source, (at.isEmpty() ? "" : at + ": ") + problem);
    }
}
