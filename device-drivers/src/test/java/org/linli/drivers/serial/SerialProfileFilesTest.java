package org.linli.drivers.serial;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linli.drivers.serial.cjt188.StatusProfile;
import org.linli.drivers.serial.cjt188.StatusProfiles;
import org.linli.drivers.serial.modbus.ModbusModelProfile;
import org.linli.drivers.serial.modbus.ModbusModelProfiles;

/**
 * Serial profiles are bound strictly: every golden bad profile under {@code golden/bad-profiles} is refused with the
 * fragments its {@code # expect:} line names (file, line, key, allowed keys or values), and every shipped profile
 * under {@code profiles/{modbus,cjt188}} still loads.
 */
class SerialProfileFilesTest {

    static Stream<Path> badModbus() throws Exception {
        return files("golden/bad-profiles/modbus");
    }

    static Stream<Path> badCjt188() throws Exception {
        return files("golden/bad-profiles/cjt188");
    }

    static Stream<Path> shippedModbus() throws Exception {
        return files("profiles/modbus");
    }

    static Stream<Path> shippedCjt188() throws Exception {
        return files("profiles/cjt188");
    }

    @ParameterizedTest
    @MethodSource("badModbus")
    @DisplayName("a Modbus profile with a mistake is refused with the file, the line and the key")
    void badModbusRefused(Path file) throws Exception {
        // GIVEN a profile with one mistake and the fragments its error must name
        List<String> expected = expectations(file);
        // WHEN it is loaded
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(file, ModbusModelProfiles::parse));
        // THEN the message names every expected fragment
        expected.forEach(f -> assertTrue(e.getMessage().contains(f), "missing '" + f + "' in: " + e.getMessage()));
    }

    @ParameterizedTest
    @MethodSource("badCjt188")
    @DisplayName("a CJ/T 188 status profile with a mistake is refused with the file, the line and the key")
    void badCjt188Refused(Path file) throws Exception {
        // GIVEN a profile with one mistake and the fragments its error must name
        List<String> expected = expectations(file);
        // WHEN it is loaded
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(file, StatusProfiles::parse));
        // THEN the message names every expected fragment
        expected.forEach(f -> assertTrue(e.getMessage().contains(f), "missing '" + f + "' in: " + e.getMessage()));
    }

    @ParameterizedTest
    @MethodSource("shippedModbus")
    @DisplayName("every shipped Modbus model profile loads")
    void shippedModbusLoads(Path file) throws Exception {
        // WHEN a shipped profile is loaded THEN it has points
        ModbusModelProfile p = parse(file, ModbusModelProfiles::parse);
        assertFalse(p.points().isEmpty(), file.toString());
    }

    @ParameterizedTest
    @MethodSource("shippedCjt188")
    @DisplayName("every shipped CJ/T 188 status profile loads")
    void shippedCjt188Loads(Path file) throws Exception {
        // WHEN a shipped profile is loaded THEN it has status rules
        StatusProfile p = parse(file, StatusProfiles::parse);
        assertFalse(p.rules().isEmpty(), file.toString());
    }

    @Test
    @DisplayName("the shipped scales are read as written: the BCD water total is in 0.01 m³ steps")
    void scaleIsBound() {
        // WHEN the shipped wm-bcd-cdab profile is loaded THEN its total keeps scale 0.01 (a typo would have made it 1)
        ModbusModelProfile p = ModbusModelProfiles.load("wm-bcd-cdab");
        assertTrue(p.points().stream().anyMatch(pt -> pt.name().equals("forward_total") && pt.scale() == 0.01));
    }

    @Test
    @DisplayName("the bad-profile folder holds cases for both protocols (the parameterised tests cannot pass empty)")
    void goldenCasesPresent() throws Exception {
        assertTrue(badModbus().count() >= 5);
        assertTrue(badCjt188().count() >= 4);
        assertTrue(shippedModbus().count() >= 3 && shippedCjt188().count() >= 3);
    }

    private static <T> T parse(Path file, ProfileYaml.Parser<T> parser) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parser.parse(in, file.getFileName().toString());
        }
    }

    private static List<String> expectations(Path file) throws IOException {
        String first = Files.readAllLines(file).get(0);
        assertTrue(first.startsWith("# expect: "), file + " must start with '# expect: fragment | fragment'");
        return Stream.of(first.substring("# expect: ".length()).split("\\|")).map(String::trim).toList();
    }

    private static Stream<Path> files(String resourceDir) throws IOException, URISyntaxException {
        Path dir = Path.of(SerialProfileFilesTest.class.getClassLoader().getResource(resourceDir).toURI());
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }
}
