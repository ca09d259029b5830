package org.linli.drivers.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linli.drivers.model.DeviceType;

/** Loading profiles: the built-in set, an installer's folder, and broken files reported by file and key. */
class VendorProfilesTest {
    private static final String MINIMAL = """
            name: %s
            deviceType: gas_alarm
            vendor: Test
            topic: test/{deviceId}/up
            readings:
              - {pointer: /gas, quantity: GAS_LEL}
            """;

    @Test
    @DisplayName("the built-in set has at least two profiles per MQTT device type, found by name")
    void builtInCoversEveryDeviceType() {
        VendorProfiles profiles = VendorProfiles.builtIn();
        Map<DeviceType, Integer> perType = new EnumMap<>(DeviceType.class);
        profiles.all().forEach(p -> perType.merge(p.deviceType(), 1, Integer::sum));
        for (DeviceType t : new DeviceType[] {DeviceType.GAS_ALARM, DeviceType.SMOKE_DETECTOR, DeviceType.WATER_METER}) {
            assertTrue(perType.getOrDefault(t, 0) >= 2, t + " has " + perType.get(t) + " profiles");
        }
        assertEquals("acme/gas/{deviceId}/up", profiles.find("acme-gas-flat").orElseThrow().topicTemplate());
        assertTrue(profiles.find("no-such-vendor").isEmpty());
    }

    @Test
    @DisplayName("a folder adds new profiles and replaces a built-in profile of the same name")
    void directoryAddsAndOverrides(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("newco-gas.yaml"), MINIMAL.formatted("newco-gas"));
        Files.writeString(dir.resolve("acme-gas-flat.yaml"), MINIMAL.formatted("acme-gas-flat"));
        Files.writeString(dir.resolve("notes.txt"), "not a profile");
        VendorProfiles builtIn = VendorProfiles.builtIn();
        VendorProfiles profiles = builtIn.withDirectory(dir);
        assertEquals(builtIn.all().size() + 1, profiles.all().size());
        assertEquals("test/{deviceId}/up", profiles.find("acme-gas-flat").orElseThrow().topicTemplate());
        assertEquals("acme/gas/{deviceId}/up", builtIn.find("acme-gas-flat").orElseThrow().topicTemplate(), "built-in set unchanged");
        assertTrue(profiles.find("newco-gas").isPresent());
    }

    @Test
    @DisplayName("a profile whose name differs from its file name is refused, naming the file")
    void nameMustMatchFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("newco-gas.yaml"), MINIMAL.formatted("other-name"));
        InvalidProfileException e = assertThrows(InvalidProfileException.class, () -> VendorProfiles.builtIn().withDirectory(dir));
        assertTrue(e.getMessage().contains("newco-gas.yaml") && e.getMessage().contains("other-name"), e.getMessage());
    }

    static Stream<Arguments> brokenProfiles() {
        String ok = MINIMAL.formatted("p");
        return Stream.of(
                Arguments.of("not YAML at all", "name: [unclosed", "not valid YAML"),
                Arguments.of("a missing required key", ok.replace("vendor: Test\n", ""), "vendor: required key is missing"),
                Arguments.of("an unknown top-level key (typo)", ok + "readigns: []\n", "readigns: unknown key"),
                Arguments.of("a duplicate key", ok + "vendor: Again\n", "Duplicate field 'vendor'"),
                Arguments.of("an unknown device type", ok.replace("gas_alarm", "toaster"), "deviceType: unknown device type 'toaster'"),
                Arguments.of("a topic without {deviceId}", ok.replace("test/{deviceId}/up", "test/up"), "topic: topic template 'test/up'"),
                Arguments.of("an unknown quantity", ok.replace("GAS_LEL", "GAS"), "readings[0].quantity: unknown quantity 'GAS'"),
                Arguments.of("an invalid JSON pointer", ok.replace("/gas", "gas"), "readings[0]: Invalid input"),
                Arguments.of("a zero scale", ok.replace("quantity: GAS_LEL}", "quantity: GAS_LEL, scale: 0}"), "readings[0]: scale must not be 0"),
                Arguments.of("an unknown reading value type", ok.replace("quantity: GAS_LEL}", "quantity: GAS_LEL, type: float}"),
                        "readings[0].type: unknown value type 'float'"),
                Arguments.of("an unknown event name", ok + "events:\n  - {pointer: /st, codes: {1: BOOM}}\n", "events[0].codes.1: unknown event 'BOOM'"),
                Arguments.of("an event with both codes and bits", ok + "events:\n  - {pointer: /st, codes: {1: ALARM}, bits: {0: FAULT}}\n",
                        "events[0]: needs exactly one of 'codes' or 'bits'"),
                Arguments.of("a non-integer code in an integer field", ok + "events:\n  - {pointer: /st, type: integer, codes: {on: ALARM}}\n",
                        "events[0]: code 'on' is not an integer"),
                Arguments.of("an unknown timestamp format", ok + "timestamp: {pointer: /ts, format: unix}\n", "timestamp.format: unknown timestamp format 'unix'"),
                Arguments.of("per-field times without a timestamp format",
                        ok.replace("quantity: GAS_LEL}", "quantity: GAS_LEL, time: /t}"), "'time' pointers need a 'timestamp' block"),
                Arguments.of("no readings and no events", ok.replace("readings:\n  - {pointer: /gas, quantity: GAS_LEL}\n", ""),
                        "at least one entry under 'readings' or 'events'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    @DisplayName("a broken profile file is refused with the file name, the key and the problem in the message")
    void brokenProfiles(String what, String yaml, String fragment) {
        InvalidProfileException e = assertThrows(InvalidProfileException.class,
                () -> ProfileReader.read("vendors/p.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("vendors/p.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }
}
