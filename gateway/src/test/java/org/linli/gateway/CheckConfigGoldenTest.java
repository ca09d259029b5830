package org.linli.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden tests of {@code linli check-config}: for each broken site file under {@code src/test/resources/check-config}
 * (the shipped example with the mistakes installers make), the WHOLE output of the command, both streams and the exit
 * code, must equal the file's {@code .expected}: every problem, at the right line, in the right words, nothing more.
 * <p>
 * The command runs in-process through the entry point {@code main} delegates to, with a fixed environment (the secrets'
 * variables set) so that the output does not depend on the machine. To rewrite the expectations after a deliberate
 * change of wording, run with {@code -Dlinli.updateGolden=true} and review the diff.
 */
class CheckConfigGoldenTest {
    private static final Path CASES = Path.of("src", "test", "resources", "check-config");
    private static final Map<String, String> ENV = Map.of("LINLI_INFLUX_TOKEN", "token", "LINLI_MQTT_PASSWORD", "password");

    @TestFactory
    @DisplayName("check-config prints exactly the expected problems, lines and exit code for each broken site file")
    Stream<DynamicTest> goldenCases() throws IOException {
        return cases().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            // GIVEN a broken site file and its expected output
            Path expectedFile = expectedOf(file);
            // WHEN check-config runs on it
            String actual = run(file);
            // THEN the whole output is the expected one
            if (Boolean.getBoolean("linli.updateGolden")) {
                Files.writeString(expectedFile, actual);
            }
            assertEquals(Files.readString(expectedFile), actual, file.toString());
        }));
    }

    @Test
    @DisplayName("every golden site file has its .expected output, and the cases cover each kind of mistake")
    void everyCaseHasItsExpectation() throws IOException {
        // GIVEN the golden cases WHEN listed THEN each has an expectation, and the set covers the kinds the issue names
        List<Path> cases = cases();
        for (Path c : cases) {
            assertTrue(Files.exists(expectedOf(c)) || Boolean.getBoolean("linli.updateGolden"), "no .expected for " + c);
        }
        List<String> names = cases.stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("unknown-keys.yaml", "syntax-errors.yaml", "wrong-types.yaml",
                "bad-values.yaml", "unit-hint.yaml", "duplicate-ids.yaml", "influx-url.yaml", "several-problems.yaml")),
                names.toString());
    }

    /** The output as a terminal shows it: exit code, then stdout, then stderr. */
    private static String run(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GatewayMain.checkConfig(file, null, ENV::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return "exit " + status + "\n--- stdout\n" + out.toString(StandardCharsets.UTF_8)
                + "--- stderr\n" + err.toString(StandardCharsets.UTF_8);
    }

    private static List<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static Path expectedOf(Path yaml) {
        return yaml.resolveSibling(yaml.getFileName().toString().replaceFirst("\\.yaml$", ".expected"));
    }
}
