package org.linli.drivers.serial.cjt188;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Loads vendor status profiles. A profile file looks like:
 * <pre>
 * vendor: cjt188-standard
 * description: ...
 * hasValve: true
 * flags:
 *   valve_closed: {byte: 0, mask: "0x03", value: "0x01"}
 *   low_battery:  {byte: 0, mask: "0x04"}      # value defaults to the mask (a single bit set)
 * </pre>
 * Mistakes are reported with the file name and the flag, so the fix is obvious.
 */
public final class StatusProfiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private StatusProfiles() {
    }

    /** Loads {@code profiles/cjt188/<vendor>.yaml} from the classpath. */
    public static StatusProfile load(String vendor) {
        String path = "profiles/cjt188/" + vendor + ".yaml";
        try (InputStream in = StatusProfiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no CJ/T 188 status profile " + path + " on the classpath");
            }
            return parse(in, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public static StatusProfile parse(InputStream in, String source) throws IOException {
        JsonNode root = YAML.readTree(in);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a mapping with vendor and flags");
        }
        String vendor = root.path("vendor").asText("");
        if (vendor.isBlank()) {
            throw new IllegalArgumentException(source + ": 'vendor' is missing");
        }
        Map<StatusFlag, StatusBitRule> rules = new EnumMap<>(StatusFlag.class);
        Iterator<Map.Entry<String, JsonNode>> it = root.path("flags").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                JsonNode n = e.getValue();
                int mask = number(n.get("mask"), "mask");
                int value = n.has("value") ? number(n.get("value"), "value") : mask;
                rules.put(StatusFlag.fromId(e.getKey()), new StatusBitRule(number(n.get("byte"), "byte"), mask, value));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(source + ": flag '" + e.getKey() + "': " + bad.getMessage(), bad);
            }
        }
        return new StatusProfile(vendor, root.path("description").asText(""), root.path("hasValve").asBoolean(true),
                rules);
    }

    /** Accepts 3, "3" or "0x03". */
    static int number(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        if (node.isInt()) {
            return node.intValue();
        }
        try {
            return Integer.decode(node.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + field + "' is not a number: " + node.asText());
        }
    }
}
