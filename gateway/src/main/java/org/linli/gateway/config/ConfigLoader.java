package org.linli.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.linli.drivers.model.DeviceType;

/**
 * Reads the YAML site file and validates it. Unknown keys are errors (a typo must not silently disable a
 * setting); syntax and type errors name the line and column; semantic errors name the path in the file.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigLoader() {
    }

    /**
     * Loads and validates {@code file}. {@code profiles} maps every known vendor profile name to its device type;
     * {@code env} resolves environment variables (secrets are referenced by variable name).
     */
    public static SiteConfig load(Path file, Map<String, DeviceType> profiles, Function<String, String> env)
            throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), List.of("file not found (pass the site file with --config FILE)"));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
        }
        return parse(text, file.toString(), profiles, env);
    }

    public static SiteConfig parse(String yaml, String source, Map<String, DeviceType> profiles,
                                   Function<String, String> env) throws ConfigException {
        SiteConfig config;
        try {
            config = YAML.readValue(yaml, SiteConfig.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, List.of(describe(e)));
        }
        if (config == null) {
            throw new ConfigException(source, List.of("the file is empty"));
        }
        List<String> problems = new ConfigValidator(profiles, env).validate(config);
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return config;
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
        String path = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            path = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[") + ": ";
        }
        return where + path + e.getOriginalMessage();
    }
}
