package org.linli.drivers.serial.modbus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.serial.ProfileYaml;
import org.linli.drivers.serial.WordOrder;

/**
 * Loads device model register maps from YAML (see {@code profiles/modbus/*.yaml} for the format). Errors name
 * the file and the point, so a wrong profile is fixed without reading this code. Numbers may be written as
 * 7, "7" or "0x0007".
 */
public final class ModbusModelProfiles {
    private ModbusModelProfiles() {
    }

    /** Loads {@code profiles/modbus/<model>.yaml} from the classpath. */
    public static ModbusModelProfile load(String model) {
        return ProfileYaml.load("profiles/modbus/" + model + ".yaml", "Modbus model profile", ModbusModelProfiles::parse);
    }

    public static ModbusModelProfile parse(InputStream in, String source) throws IOException {
        JsonNode root = ProfileYaml.rootMapping(in, source, "model, function and points");
        List<ModbusPoint> points = new ArrayList<>();
        int index = 0;
        for (JsonNode p : root.path("points")) {
            String name = p.path("name").asText("#" + index);
            try {
                points.add(point(p, name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": point '" + name + "': " + e.getMessage(), e);
            }
            index++;
        }
        try {
            return new ModbusModelProfile(text(root, "model"), root.path("description").asText(""),
                    root.path("deviceType").asText(""), ProfileYaml.number(root.get("function"), "function"),
                    root.has("maxGap") ? ProfileYaml.number(root.get("maxGap"), "maxGap") : 0, points);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static ModbusPoint point(JsonNode p, String name) {
        DataType type = enumOf(DataType.class, text(p, "type"), "type");
        WordOrder order = p.has("order") ? enumOf(WordOrder.class, text(p, "order"), "order") : WordOrder.ABCD;
        Quantity quantity = p.has("quantity") ? enumOf(Quantity.class, text(p, "quantity"), "quantity") : null;
        double scale = p.has("scale") ? p.get("scale").asDouble() : 1.0;
        double offset = p.has("offset") ? p.get("offset").asDouble() : 0.0;
        Map<Integer, EventSpec> values = new HashMap<>(events(p.path("values"), "values"));
        return new ModbusPoint(name, ProfileYaml.number(p.get("address"), "address"), type, order, scale, offset, quantity, values,
                new TreeMap<>(events(p.path("bits"), "bits")));
    }

    /** {@code "0x0055": {event: FAULT, detail: empty pipe}}; an empty mapping means "nothing to report". */
    private static Map<Integer, EventSpec> events(JsonNode node, String field) {
        Map<Integer, EventSpec> out = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            int key = ProfileYaml.number(new com.fasterxml.jackson.databind.node.TextNode(e.getKey()), field + " key");
            JsonNode spec = e.getValue();
            EventSpec es = spec.has("event")
                    ? new EventSpec(enumOf(EventType.class, text(spec, "event"), field + "." + e.getKey() + ".event"),
                            spec.path("detail").asText(""))
                    : EventSpec.NONE;
            out.put(key, es);
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.asText().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return v.asText().trim();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + field + "' = '" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
