package org.linli.drivers.serial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * What the serial profile loaders (CJ/T 188 status profiles, Modbus model register maps) share: finding a profile on
 * the classpath, reading its YAML root, and the field readers whose messages installers see when a profile is wrong.
 * Numbers may be written as 3, "3" or "0x03", as vendor manuals print them.
 */
public final class ProfileYaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Turns a profile file's content into a profile; {@code source} names the file in error messages. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(InputStream in, String source) throws IOException;
    }

    private ProfileYaml() {
    }

    /** Loads and parses {@code path} from the classpath; {@code kind} names the sort of profile when it is missing. */
    public static <T> T load(String path, String kind, Parser<T> parser) {
        try (InputStream in = ProfileYaml.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + kind + " " + path + " on the classpath");
            }
            return parser.parse(in, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The document's root mapping; otherwise a message saying what {@code source} should contain. */
    public static JsonNode rootMapping(InputStream in, String source, String expected) throws IOException {
        JsonNode root = YAML.readTree(in);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a mapping with " + expected);
        }
        return root;
    }

    /** Accepts 3, "3" or "0x03". */
    public static int number(JsonNode node, String field) {
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
