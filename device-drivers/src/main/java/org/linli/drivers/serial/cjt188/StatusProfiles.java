package org.linli.drivers.serial.cjt188;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import org.linli.drivers.serial.ProfileYaml;

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
    private StatusProfiles() {
    }

    /** Loads {@code profiles/cjt188/<vendor>.yaml} from the classpath. */
    public static StatusProfile load(String vendor) {
        return ProfileYaml.load("profiles/cjt188/" + vendor + ".yaml", "CJ/T 188 status profile", StatusProfiles::parse);
    }

    public static StatusProfile parse(InputStream in, String source) throws IOException {
        JsonNode root = ProfileYaml.rootMapping(in, source, "vendor and flags");
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
                int mask = ProfileYaml.number(n.get("mask"), "mask");
                int value = n.has("value") ? ProfileYaml.number(n.get("value"), "value") : mask;
                rules.put(StatusFlag.fromId(e.getKey()), new StatusBitRule(ProfileYaml.number(n.get("byte"), "byte"), mask, value));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(source + ": flag '" + e.getKey() + "': " + bad.getMessage(), bad);
            }
        }
        return new StatusProfile(vendor, root.path("description").asText(""), root.path("hasValve").asBoolean(true),
                rules);
    }
}
