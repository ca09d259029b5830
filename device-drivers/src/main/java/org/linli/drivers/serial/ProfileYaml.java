package org.linli.drivers.serial;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the serial profile loaders (CJ/T 188 status profiles, Modbus model register maps) share: finding a profile on
 * the classpath and binding its YAML strictly to the loader's file records, as the site file and the MQTT and ONVIF
 * profiles are bound. An unknown key ({@code scal:}), a duplicate key, a value of the wrong type
 * ({@code scale: abc}) is an {@link IllegalArgumentException} naming the
 * file, the line and column, the path of the key and, for an unknown key, the allowed keys. Whole numbers may be
 * written as 3, "3" or "0x03", as vendor manuals print them ({@link WholeNumber}). Pure: no I/O beyond the stream.
 */
public final class ProfileYaml {
    /** A profile is a page of YAML; anything far larger is not one (and is not read into memory whole). */
    static final int MAX_PROFILE_BYTES = 1 << 20;
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

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

    /**
     * Binds the document to {@code type}, refusing unknown keys and wrong types; {@code expected} says what the file
     * should contain when it is empty or not a mapping.
     */
    public static <T> T bind(InputStream in, String source, Class<T> type, String expected) throws IOException {
        byte[] bytes = in.readNBytes(MAX_PROFILE_BYTES + 1);
        if (bytes.length > MAX_PROFILE_BYTES) {
            throw new IllegalArgumentException(source + ": larger than " + MAX_PROFILE_BYTES + " bytes: not a profile");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        T value;
        try {
            value = YAML.readValue(text, type);
        } catch (JsonProcessingException e) {
            if (e instanceof JsonMappingException m && m.getPath().isEmpty()) {
                throw new IllegalArgumentException(source + ": " + where(e, text) + "expected a mapping with " + expected, e);
            }
            throw new IllegalArgumentException(source + ": " + describe(e, text), e);
        }
        if (value == null) {
            throw new IllegalArgumentException(source + ": expected a mapping with " + expected);
        }
        return value;
    }

    /** "line L, column C: path: problem", the allowed keys listed for an unknown one. */
    private static String describe(JsonProcessingException e, String text) {
        String path = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            path = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[") + ": ";
        }
        String problem = e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException u) {
            TreeSet<String> allowed = new TreeSet<>();
            u.getKnownPropertyIds().forEach(k -> allowed.add(String.valueOf(k)));
            problem = "unknown key '" + u.getPropertyName() + "' (allowed: " + String.join(", ", allowed) + ")";
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            problem = "'" + f.getValue() + "' is not one of " + Arrays.toString(f.getTargetType().getEnumConstants());
        }
        return where(e, text) + path + problem;
    }

    /**
     * Where the problem is. Records are bound through their constructor, so Jackson reports an unknown key only after
     * the whole mapping was read, at its end: the key's own place is found by reading the text again.
     */
    private static String where(JsonProcessingException e, String text) {
        JsonLocation loc = e.getLocation();
        if (e instanceof UnrecognizedPropertyException u) {
            JsonPointer key = pointer(u.getPath());
            loc = locate(text, key).orElse(loc);
        }
        return loc == null || loc.getLineNr() < 1 ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
    }

    private static JsonPointer pointer(List<JsonMappingException.Reference> path) {
        JsonPointer p = JsonPointer.empty();
        for (JsonMappingException.Reference r : path) {
            p = r.getFieldName() != null ? p.appendProperty(r.getFieldName()) : p.appendIndex(r.getIndex());
        }
        return p;
    }

    /** The place of the key at {@code key} in the document, if the text parses that far. */
    private static Optional<JsonLocation> locate(String text, JsonPointer key) {
        try (JsonParser p = YAML.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && key.equals(p.getParsingContext().pathAsPointer())) {
                    return Optional.of(p.currentTokenLocation());
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Parses a whole number written 3, "3" or "0x03"; {@code what} names it in the error message. */
    public static int number(String text, String what) {
        try {
            return Integer.decode(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a whole number (write 3, \"3\" or \"0x03\")");
        }
    }

    /** Binds a whole number written 3, "3" or "0x03"; anything else (1.5, abc, a list) is refused with its line. */
    public static final class WholeNumber extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT) {
                return p.getIntValue();
            }
            if (t == JsonToken.VALUE_STRING) {
                String text = p.getText();
                try {
                    return Integer.decode(text.trim());
                } catch (NumberFormatException e) {
                    throw ctxt.weirdStringException(text, Integer.class,
                            "not a whole number (write 3, \"3\" or \"0x03\")");
                }
            }
            return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
        }
    }
}
