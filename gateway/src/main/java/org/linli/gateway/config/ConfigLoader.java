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
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the YAML site file and validates it, reporting EVERY problem in one list sorted by line: syntax errors (going
 * on past each, {@link SiteFileTree}), duplicate keys ({@link DuplicateKeys}), unknown keys, values of the wrong type
 * and unknown vocabulary values ({@link SiteFileShape}), then the semantic checks ({@link ConfigValidator} and the
 * domain {@link SiteCheck}s) on what is well-formed, each placed at the line of the setting it names
 * ({@link NodePaths}). Unknown keys are errors (a typo must not silently disable a setting), and so are duplicate keys
 * (a second section must not silently replace the first). The file's size and its longest line are checked before it
 * is parsed ({@link SiteFileLimits}). Called once at start-up, on the main thread.
 */
public final class ConfigLoader {
    /** Closes the list when syntax errors kept the semantic checks from running. */
    static final String AFTER_SYNTAX_ERRORS = "(fix the syntax errors first: references between sections, ids, places "
            + "and secrets are checked once the whole file can be read)";
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
        SiteFileTree.Composed composed = SiteFileTree.compose(yaml);
        List<SiteProblem> problems = new ArrayList<>(composed.syntaxErrors());
        if (composed.root().isEmpty()) {
            throw new ConfigException(source, problems.isEmpty() ? List.of("the file is empty") : texts(problems));
        }
        Node root = composed.root().get();
        problems.addAll(DuplicateKeys.find(root));
        SiteFileShape.Checked checked = SiteFileShape.check(root);
        problems.addAll(checked.problems());
        if (!composed.syntaxErrors().isEmpty()) {
            throw new ConfigException(source, texts(problems), AFTER_SYNTAX_ERRORS);
        }
        SiteConfig config;
        try {
            config = YAML.treeToValue(checked.tree(), SiteConfig.class);
        } catch (JsonProcessingException | IllegalArgumentException e) { // the shape check should have refused it
            problems.add(SiteProblem.unplaced("", "cannot read the file: " + e.getMessage()));
            throw new ConfigException(source, texts(problems));
        }
        if (config == null) { // a document that is only a tag or a null ("!", "~"): no settings at all
            throw new ConfigException(source, problems.isEmpty() ? List.of("the file is empty") : texts(problems));
        }
        NodePaths paths = new NodePaths(root);
        Function<String, String> where = path -> paths.find(path).map(m -> "line " + (m.getLine() + 1)).orElse(path);
        List<String> semantic = new ArrayList<>(new ConfigValidator(profiles, env, where).validate(config));
        if (config.site() != null) { // without it the validator stopped at once, and so do the domain checks
            checks.forEach(check -> check.check(config, (at, what) -> semantic.add(at + ": " + what)));
        }
        for (String p : semantic) {
            int colon = p.indexOf(": ");
            String path = colon < 0 ? "" : p.substring(0, colon);
            String what = colon < 0 ? p : p.substring(colon + 2);
            if (checked.explains(path)) {
                continue;
            }
            problems.add(paths.find(path).map(m -> new SiteProblem(m.getLine() + 1, m.getColumn() + 1, path, what))
                    .orElse(SiteProblem.unplaced(path, what)));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source, texts(problems));
        }
        return config;
    }

    /** The problems as check-config prints them: sorted by place (file-level ones first), one line each. */
    private static List<String> texts(List<SiteProblem> problems) {
        return problems.stream().sorted(SiteProblem.ORDER).map(SiteProblem::text).toList();
    }
}
