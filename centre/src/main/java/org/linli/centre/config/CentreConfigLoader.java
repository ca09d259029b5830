package org.linli.centre.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.linli.gateway.config.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the centre's site file strictly, as the gateway reads its own: unknown keys and duplicate keys are refused
 * with the file's line and column (a typo must not silently drop a setting), then {@link CentreSiteCheck} checks ids,
 * the tree, scopes, roles, password hashes and robots, naming the path of each problem. Fills in the replica id from
 * {@code LINLI_CENTRE_REPLICA} or the host name when the file has none. Called once at start, on the main thread.
 */
public final class CentreConfigLoader {
    static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private CentreConfigLoader() {
    }

    /** Loads and checks {@code file}; {@code env} resolves environment variables (replica id, the broker password). */
    public static CentreSiteFile load(Path file, Function<String, String> env) throws ConfigException {
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigException(file.toString(),
                        List.of("the file is larger than " + MAX_FILE_BYTES + " bytes"));
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(),
                    List.of("file not found (pass the centre's site file with --config FILE)"));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
        }
        return parse(text, file.toString(), env);
    }

    /** As {@link #load}, from the file's text; {@code source} names it in the problems. */
    public static CentreSiteFile parse(String yaml, String source, Function<String, String> env)
            throws ConfigException {
        CentreSiteFile site;
        try {
            site = YAML.readValue(yaml, CentreSiteFile.class);
        } catch (UnrecognizedPropertyException e) {
            String where = KeyLines.of(yaml, e.getPath());
            throw new ConfigException(source, List.of((where.isEmpty() ? at(e.getLocation()) : where) + path(e)
                    + ": unknown key '"
                    + e.getPropertyName() + "' (known here: " + String.join(", ", known(e)) + ")"));
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, List.of(at(e.getLocation()) + e.getOriginalMessage()
                    .replaceAll("\\s*\\R\\s*", " ")));
        }
        if (site == null) {
            throw new ConfigException(source, List.of("the file is empty"));
        }
        if (site.centre().replica() == null) {
            site = new CentreSiteFile(site.centre().withReplica(defaultReplica(env)), site.broker(), site.streets(),
                    site.users(), site.archive());
        }
        List<String> problems = new CentreSiteCheck(env).check(site);
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return site;
    }

    static String defaultReplica(Function<String, String> env) {
        String fromEnv = env.apply("LINLI_CENTRE_REPLICA");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_.-]", "-");
        } catch (IOException e) {
            return "centre";
        }
    }

    private static String at(JsonLocation l) {
        return l == null || l.getLineNr() < 1 ? "" : "line " + l.getLineNr() + ", column " + l.getColumnNr() + ": ";
    }

    private static String path(UnrecognizedPropertyException e) {
        StringBuilder p = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                p.append(p.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                p.append('[').append(ref.getIndex()).append(']');
            }
        }
        return p.toString();
    }

    private static List<String> known(UnrecognizedPropertyException e) {
        return e.getKnownPropertyIds() == null ? List.of()
                : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
    }
}
