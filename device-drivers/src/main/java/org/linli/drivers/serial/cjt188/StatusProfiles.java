package org.linli.drivers.serial.cjt188;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
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
 * Bound strictly by {@link ProfileYaml}: an unknown key, an unknown flag name or a wrong type is refused with the file,
 * the line and the key, so the fix is obvious and a mistake never changes what a meter's status means silently.
 */
public final class StatusProfiles {
    private static final String EXPECTED = "vendor and flags";

    /** The file as written: every key a status profile may have. */
    record StatusFile(String vendor, String description, Boolean hasValve,
                      Map<StatusFlag, BitRuleFile> flags) {
    }

    /** Where one flag sits: {@code {byte: 0, mask: "0x03", value: "0x01"}}; {@code value} defaults to the mask. */
    record BitRuleFile(@JsonProperty("byte") @JsonDeserialize(using = ProfileYaml.WholeNumber.class) Integer statusByte,
                       @JsonDeserialize(using = ProfileYaml.WholeNumber.class) Integer mask,
                       @JsonDeserialize(using = ProfileYaml.WholeNumber.class) Integer value) {
    }

    private StatusProfiles() {
    }

    /** Loads {@code profiles/cjt188/<vendor>.yaml} from the classpath. */
    public static StatusProfile load(String vendor) {
        return ProfileYaml.load("profiles/cjt188/" + vendor + ".yaml", "CJ/T 188 status profile", StatusProfiles::parse);
    }

    public static StatusProfile parse(InputStream in, String source) throws IOException {
        StatusFile file = ProfileYaml.bind(in, source, StatusFile.class, EXPECTED);
        if (file.vendor() == null || file.vendor().isBlank()) {
            throw new IllegalArgumentException(source + ": 'vendor' is missing");
        }
        Map<StatusFlag, StatusBitRule> rules = new EnumMap<>(StatusFlag.class);
        if (file.flags() != null) {
            file.flags().forEach((flag, n) -> {
                try {
                    if (n == null || n.statusByte() == null || n.mask() == null) {
                        throw new IllegalArgumentException("needs byte and mask ({byte: 0, mask: \"0x04\"})");
                    }
                    rules.put(flag, new StatusBitRule(n.statusByte(), n.mask(), n.value() == null ? n.mask() : n.value()));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException(source + ": flag '" + flag.id() + "': " + bad.getMessage(), bad);
                }
            });
        }
        return new StatusProfile(file.vendor().trim(), file.description() == null ? "" : file.description(),
                file.hasValve() == null || file.hasValve(), rules);
    }
}
