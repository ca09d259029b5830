package org.linli.gateway.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.linli.drivers.model.DeviceType;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the YAML site file and validates it. Unknown keys are errors (a typo must not silently disable a
 * setting), and so are duplicate keys (a second section must not silently replace the first); syntax and type
 * errors name the line and column (an unknown key lists the allowed ones, a wrong value the allowed values); semantic
 * errors name the path in the file. The file's size and its longest
 * line are checked before it is parsed ({@link SiteFileLimits}). Called once at start-up, on the main thread.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(SiteFileLimits.loaderOptions())
            .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigLoader() {
    }

    /**
     * Loads and validates {@code file}. {@code profiles} maps every known vendor profile name to its device type;
     * {@code env} resolves environment variables (secrets are referenced by variable name); {@code checks} are the
     * domain packages' checks, run after this package's own ({@code sitefile.SiteFiles} passes all of them).
     */
    public static SiteConfig load(Path file, Map<String, DeviceType> profiles, Function<String, String> env,
                                  List<SiteCheck> checks) throws ConfigException {
        return parse(read(file), file.toString(), profiles, env, checks);
    }

    /** The file's text, its size checked before anything is read (a FIFO or a growing file: while reading). */
    private static String read(Path file) throws ConfigException {
        String source = file.toString();
        try {
            Optional<String> tooLarge = SiteFileLimits.checkSize(Files.size(file));
            if (tooLarge.isPresent()) {
                throw new ConfigException(source, List.of(tooLarge.get()));
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(SiteFileLimits.MAX_FILE_BYTES + 1);
            }
            if (bytes.length > SiteFileLimits.MAX_FILE_BYTES) {
                throw new ConfigException(source, List.of(SiteFileLimits.tooLargeWhileReading()));
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, List.of("file not found (pass the site file with --config FILE)"));
        } catch (CharacterCodingException e) {
            throw new ConfigException(source, List.of("the file is not UTF-8 text"));
        } catch (IOException e) {
            throw new ConfigException(source, List.of("cannot read the file: " + e.getMessage()));
        }
    }

    /** As {@link #load}, from the file's text; {@code source} names it in the problems. */
    public static SiteConfig parse(String yaml, String source, Map<String, DeviceType> profiles,
                                   Function<String, String> env, List<SiteCheck> checks) throws ConfigException {
        Optional<String> tooLong = SiteFileLimits.checkText(yaml);
        if (tooLong.isPresent()) {
            throw new ConfigException(source, List.of(tooLong.get()));
        }
        try {
            List<String> duplicates = DuplicateKeys.find(yaml);
            if (!duplicates.isEmpty()) {
                throw new ConfigException(source, duplicates);
            }
        } catch (YAMLException e) {
            throw new ConfigException(source, List.of(describe(e)));
        }
        SiteConfig config;
        try {
            config = YAML.readValue(yaml, SiteConfig.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, List.of(BindingProblems.describe(e, yaml, YAML)));
        }
        if (config == null) {
            throw new ConfigException(source, List.of("the file is empty"));
        }
        List<String> problems = new ArrayList<>(new ConfigValidator(profiles, env).validate(config));
        if (config.site() != null) { // without it the validator stopped at once, and so do the domain checks
            checks.forEach(check -> check.check(config, (at, what) -> problems.add(at + ": " + what)));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return config;
    }

    /** A syntax error or an exceeded SnakeYAML bound, as "line L, column C: problem" where it has a place. */
    private static String describe(YAMLException e) {
        if (e instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            Mark mark = m.getProblemMark();
            String context = m.getContext() == null ? "" : m.getContext() + ": ";
            return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": " + context + m.getProblem();
        }
        return e.getMessage();
    }
}
