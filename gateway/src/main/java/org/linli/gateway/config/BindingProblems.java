package org.linli.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns a failure to bind the site file into one problem line: "line L, column C: path: what is wrong", where an
 * unknown key lists the allowed keys (and a removed key says what replaced it), and a wrong value of a vocabulary
 * ({@link Transport}, {@link Role}, ...) lists the allowed values. Called on the loading thread by {@link ConfigLoader}.
 */
final class BindingProblems {
    /** Keys that were removed, by path, with what to do instead: refused with that advice, not as a mere typo. */
    private static final Map<String, String> REMOVED = Map.of(
            "influx.maxBufferedPoints", "was removed (the disk queue is bounded by queue.maxBytes, docs/QUEUE.md): "
                    + "delete the line");

    private BindingProblems() {
    }

    static String describe(JsonProcessingException e, String yaml, ObjectMapper mapper) {
        String path = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            path = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        JsonLocation loc = e.getLocation();
        String problem = e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException u) {
            // records are bound through their constructor: Jackson names the end of the mapping, find the key itself
            loc = locate(yaml, pointer(u.getPath()), mapper).orElse(loc);
            String removed = REMOVED.get(path.replaceAll("\\[\\d+]", ""));
            TreeSet<String> allowed = new TreeSet<>();
            u.getKnownPropertyIds().forEach(k -> allowed.add(String.valueOf(k)));
            problem = removed != null ? removed
                    : "unknown key '" + u.getPropertyName() + "' (allowed: " + String.join(", ", allowed) + ")";
        } else if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException bad) {
            problem = bad.getMessage();
        }
        String where = loc == null || loc.getLineNr() < 1 ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
        return where + (path.isEmpty() ? "" : path + ": ") + problem;
    }

    private static JsonPointer pointer(List<JsonMappingException.Reference> path) {
        JsonPointer p = JsonPointer.empty();
        for (JsonMappingException.Reference r : path) {
            p = r.getFieldName() != null ? p.appendProperty(r.getFieldName()) : p.appendIndex(r.getIndex());
        }
        return p;
    }

    /** Where the key at {@code key} is written, reading the (already size-checked) text again. */
    private static Optional<JsonLocation> locate(String yaml, JsonPointer key, ObjectMapper mapper) {
        try (JsonParser p = mapper.createParser(yaml)) {
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
}
