package org.linli.gateway.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.TestSites;
import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.sitefile.SiteFiles;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    private static ConfigException invalid(String yaml) {
        return assertThrows(ConfigException.class, () -> SiteFiles.parse(yaml, "test.yaml", TestSites.PROFILES, TestSites.ENV));
    }

    private static boolean mentions(ConfigException e, String... fragments) {
        return e.problems().stream().anyMatch(p -> {
            for (String f : fragments) {
                if (!p.contains(f)) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    @DisplayName("a valid site file resolves devices to households, care flags and the building's grid worker")
    void validSiteResolves() {
        SiteDirectory site = SiteDirectory.from(TestSites.small());
        var gas = site.device("gas-3-2-501").orElseThrow();
        assertEquals("3-2-501", gas.location().toString());
        assertEquals("李娜", gas.grid().worker().name());
        assertTrue(site.householdOf(gas).orElseThrow().care().contains(CareFlag.ELDERLY_LIVING_ALONE));
        assertEquals(24, site.householdCount(), "two units of 6 floors x 2 flats");
        assertEquals("陈静", site.device("smoke-7-boiler").orElseThrow().grid().worker().name());
    }

    @Test
    @DisplayName("a document that is only a tag or a null (found by the fuzzer: '!') is refused as empty, not a crash")
    void bareTagOrNullIsEmpty() {
        for (String yaml : List.of("!", "~", "null", "--- !\n")) {
            ConfigException e = invalid(yaml);
            assertTrue(mentions(e, "the file is empty"), yaml + ": " + e.getMessage());
        }
    }

    @Test
    @DisplayName("a YAML syntax or type error names the line and column")
    void syntaxErrorNamesLine() {
        ConfigException e = invalid("site:\n  compound: x\n  buildings: [\n");
        assertTrue(e.getMessage().contains("line "), e.getMessage());
        ConfigException typed = invalid(TestSites.smallYaml().replace("floors: 6", "floors: six"));
        assertTrue(mentions(typed, "line ", "floors"), typed.getMessage());
    }

    @Test
    @DisplayName("a misspelt key is an error naming its own line and the allowed keys, not a silently ignored setting")
    void unknownKeyRejected() {
        // GIVEN a file with clientID instead of clientId
        String yaml = TestSites.smallYaml().replace("clientId: linli-test", "clientID: linli-test");
        // WHEN it is loaded
        ConfigException e = invalid(yaml);
        // THEN the problem is at the line of the typo (not the end of the section), offers the likely key and lists
        // the keys mqtt may have; "clientId: missing", which only follows from the typo, is not listed
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("line " + lineOf(yaml, "clientID", false) + ", column 3: mqtt.clientID: "
                + "unknown key 'clientID' (did you mean 'clientId'? allowed: alertsTopic, clientId, "), e.getMessage());
    }

    @Test
    @DisplayName("in a file with Windows line ends, misspelt keys are still reported at their own lines, all of them")
    void crlfLinesRight() {
        // GIVEN the small site with CRLF line ends and two misspelt keys in different sections
        String yaml = TestSites.smallYaml().replace("clientId: linli-test", "clientID: linli-test")
                .replace("  bucket: compound", "  buckett: compound");
        // WHEN it is loaded
        ConfigException e = invalid(yaml.replace("\n", "\r\n"));
        // THEN both are listed, in file order, at the lines they have in the LF version
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("line " + lineOf(yaml, "clientID", false) + ", column 3: mqtt.clientID"),
                e.getMessage());
        assertTrue(e.problems().get(1).startsWith("line " + lineOf(yaml, "buckett", false) + ", column 3: influx.buckett"),
                e.getMessage());
    }

    @Test
    @DisplayName("an empty or refused device entry is reported, and a later duplicate id is still named by its index in the file")
    void refusedEntryKeepsIndices() {
        // GIVEN an empty entry and a text where devices are expected, before a device whose id repeats the first's
        String yaml = TestSites.smallYaml().replace("devices:\n", "devices:\n  -\n  - oops\n");
        String withRepeat = yaml.replace("  - oops\n", "  - oops\n  - {id: gas-3-2-501, type: gas_alarm, profile: test-gas, location: 3-2-501}\n");
        // WHEN it is loaded
        ConfigException e = invalid(withRepeat);
        // THEN the entries are reported at their lines, the file's first device (now the 4th entry) under its own
        // index [3], and the refused entries' own "id: missing" is not listed
        int first = lineOf(withRepeat, "  -\n", false);
        assertEquals("line " + first + ", column 4: devices[0]: an empty entry: fill it in or delete the line",
                e.problems().get(0), e.getMessage());
        assertTrue(e.problems().get(1).startsWith("line " + (first + 1) + ", column 5: devices[1]: expected a device (keys "),
                e.getMessage());
        assertEquals("line " + (first + 3) + ", column 6: devices[3] (gas-3-2-501).id: device id 'gas-3-2-501' is listed "
                + "twice; first at line " + (first + 2), e.problems().get(2), e.getMessage());
        assertEquals(3, e.problems().size(), e.getMessage());
    }

    @Test
    @DisplayName("influx.maxBufferedPoints, removed in 0.1, is refused with a message saying it was removed and what bounds the queue")
    void removedKeyExplained() {
        // GIVEN an old file that still sets influx.maxBufferedPoints
        String yaml = TestSites.smallYaml().replace("  bucket: compound", "  bucket: compound\n  maxBufferedPoints: 200000");
        // WHEN it is loaded
        ConfigException e = invalid(yaml);
        // THEN the problem names its line and says it was removed and what to do
        assertEquals(List.of("line " + lineOf(yaml, "maxBufferedPoints", false) + ", column 3: influx.maxBufferedPoints: "
                + "was removed (the disk queue is bounded by queue.maxBytes, docs/QUEUE.md): delete the line"), e.problems());
    }

    @Test
    @DisplayName("an unknown transport is refused while the file is read, with the device's line and the transports there are")
    void unknownTransportRefused() {
        // GIVEN a device whose transport is misspelt
        String yaml = TestSites.smallYaml().replace("profile: test-smoke, location: 7-1-101}",
                "profile: test-smoke, location: 7-1-101, transport: mqqt}");
        // WHEN it is loaded
        ConfigException e = invalid(yaml);
        // THEN the one problem names the line, the path and the allowed values
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("line " + lineOf(yaml, "transport: mqqt", false) + ", column ")
                && e.problems().get(0).contains("devices[2] (smoke-7-1-101).transport: unknown transport 'mqqt' "
                        + "(did you mean 'mqtt'? allowed: mqtt, serial, onvif)"),
                e.getMessage());
    }

    @Test
    @DisplayName("an unknown device type is refused while the file is read, with the device's line and the types there are")
    void unknownDeviceTypeRefused() {
        // GIVEN a device whose type is misspelt
        String yaml = TestSites.smallYaml().replace("type: smoke_detector, profile: test-smoke, location: 7-1-101",
                "type: smoke_detecter, profile: test-smoke, location: 7-1-101");
        // WHEN it is loaded
        ConfigException e = invalid(yaml);
        // THEN the one problem names the line, the path and the device types
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("line " + lineOf(yaml, "smoke_detecter", false) + ", column ")
                && e.problems().get(0).contains("devices[2] (smoke-7-1-101).type: unknown device type 'smoke_detecter' "
                + "(did you mean 'smoke_detector'? allowed: ")
                && e.problems().get(0).contains("smoke_detector"), e.getMessage());
    }

    @Test
    @DisplayName("a file without the optional sections loads with each of them present at its defaults (no null checks needed)")
    void optionalSectionsPresentWithDefaults() throws Exception {
        // WHEN the small site (no notify, queue, cameras, serial, rules or users sections) is loaded
        SiteConfig c = SiteFiles.parse(TestSites.smallYaml(), "test.yaml", TestSites.PROFILES, TestSites.ENV);
        // THEN every optional section is there with its defaults; users stays absent (the API is open)
        assertEquals(NotifyOptions.none(), c.notifications());
        assertEquals(QueueOptions.defaults(), c.queue());
        assertEquals(CamerasOptions.none(), c.cameras());
        assertEquals(SerialOptions.none(), c.serial());
        assertEquals(RulesOptions.defaults(), c.rules());
        assertEquals(Transport.MQTT, c.devices().get(0).transport());
        assertNull(c.users());
    }

    @Test
    @DisplayName("a device in a flat that does not exist is reported with its index, id and the bad location")
    void unknownHousehold() {
        ConfigException e = invalid(TestSites.smallYaml().replace("location: 3-2-502}", "location: 3-2-909}"));
        assertTrue(mentions(e, "devices[1] (gas-3-2-502).location", "unit 3-2 has no flat '909' (its flats: 101–602)"),
                e.getMessage());
    }

    @Test
    @DisplayName("an unknown vendor profile, a profile of the wrong device type and a duplicate id are each reported")
    void profileAndDuplicateProblems() {
        String yaml = TestSites.smallYaml()
                .replace("{id: gas-3-2-502, type: gas_alarm, profile: test-gas", "{id: gas-3-2-501, type: gas_alarm, profile: nope")
                .replace("{id: water-7-1-101, type: water_meter, profile: test-water", "{id: water-7-1-101, type: water_meter, profile: test-gas");
        ConfigException e = invalid(yaml);
        assertTrue(mentions(e, "unknown vendor profile 'nope'"), e.getMessage());
        assertTrue(mentions(e, "listed twice", "gas-3-2-501"), e.getMessage());
        assertTrue(mentions(e, "decodes gas_alarm", "water_meter"), e.getMessage());
    }

    @Test
    @DisplayName("a building with devices but no grid is refused: its alerts would reach nobody")
    void buildingWithoutGrid() {
        ConfigException e = invalid(TestSites.smallYaml().replace("buildings: [\"7\"]", "buildings: []"));
        assertTrue(mentions(e, "building 7 has devices but no grid"), e.getMessage());
    }

    @Test
    @DisplayName("a missing InfluxDB token variable and a QoS 0 device subscription are refused with the fix")
    void secretsAndQos() {
        String yaml = TestSites.smallYaml().replace("clientId: linli-test",
                "clientId: linli-test\n  subscriptions:\n    - {profile: test-gas, qos: 0}");
        ConfigException e = assertThrows(ConfigException.class,
                () -> SiteFiles.parse(yaml, "test.yaml", TestSites.PROFILES, name -> null));
        assertTrue(mentions(e, "influx.tokenEnv", "LINLI_INFLUX_TOKEN"), e.getMessage());
        assertTrue(mentions(e, "mqtt.subscriptions[0].qos", "alarms"), e.getMessage());
    }

    @Test
    @DisplayName("mqtt.maxPacketSizeBytes is read from the site file (default 256 KiB) and one below 1 KiB is refused")
    void maxPacketSize() throws Exception {
        assertEquals(256 * 1024, SiteFiles.parse(TestSites.smallYaml(), "test.yaml", TestSites.PROFILES, TestSites.ENV)
                .mqtt().maxPacketSizeBytes());
        String set = TestSites.smallYaml().replace("clientId: linli-test", "clientId: linli-test\n  maxPacketSizeBytes: 100000");
        assertEquals(100_000, SiteFiles.parse(set, "test.yaml", TestSites.PROFILES, TestSites.ENV).mqtt().maxPacketSizeBytes());
        ConfigException e = invalid(TestSites.smallYaml().replace("clientId: linli-test", "clientId: linli-test\n  maxPacketSizeBytes: 10"));
        assertTrue(mentions(e, "mqtt.maxPacketSizeBytes", "262144"), e.getMessage());
    }

    @Test
    @DisplayName("mqtt.maxInFlight is read from the site file (default 1000) and 0 or more than 65535 is refused")
    void maxInFlight() throws Exception {
        // GIVEN the small site without the key, with 200, with 0 and with 70000
        // WHEN each is parsed THEN the default applies, a value is kept, and the out-of-range ones are refused
        assertEquals(1000, SiteFiles.parse(TestSites.smallYaml(), "test.yaml", TestSites.PROFILES, TestSites.ENV)
                .mqtt().maxInFlight());
        String set = TestSites.smallYaml().replace("clientId: linli-test", "clientId: linli-test\n  maxInFlight: 200");
        assertEquals(200, SiteFiles.parse(set, "test.yaml", TestSites.PROFILES, TestSites.ENV).mqtt().maxInFlight());
        for (String bad : List.of("0", "70000")) {
            ConfigException e = invalid(TestSites.smallYaml().replace("clientId: linli-test", "clientId: linli-test\n  maxInFlight: " + bad));
            assertTrue(mentions(e, "mqtt.maxInFlight", "65535", "1000"), e.getMessage());
        }
    }

    @Test
    @DisplayName("an unknown care flag is reported with the list of known ones")
    void unknownCareFlag() {
        ConfigException e = invalid(TestSites.smallYaml().replace("care: [elderly_living_alone]", "care: [elderly]"));
        assertTrue(mentions(e, "households[0].care", "elderly_living_alone"), e.getMessage());
    }

    /** The 1-based line on which {@code fragment} first (or, with {@code last}, last) starts in {@code text}. */
    private static int lineOf(String text, String fragment, boolean last) {
        int at = last ? text.lastIndexOf(fragment) : text.indexOf(fragment);
        assertTrue(at >= 0, fragment);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static final String SECOND_DEVICES = "devices:\n"
            + "  - {id: gas-3-2-501, type: gas_alarm, profile: test-gas, location: 3-2-501}\n";
    private static final String USERS = "users:\n"
            + "  - {id: duty, name: 值班员, role: operator, passwordHash: \"h1\"}\n"
            + "  - {id: night, name: 夜班, role: operator, passwordHash: \"h2\"}\n"
            + "  - {id: li, name: 李娜, role: grid_worker, grid: g1, passwordHash: \"h3\"}\n";
    private static final String SECOND_USERS = "users:\n"
            + "  - {id: duty, name: 值班员, role: operator, passwordHash: \"h1\"}\n";

    @Test
    @DisplayName("a second devices: section is an error naming both lines, not a file whose devices are replaced")
    void secondDevicesSection() {
        String yaml = TestSites.smallYaml() + SECOND_DEVICES;
        ConfigException e = invalid(yaml);
        assertEquals(List.of("line " + lineOf(yaml, "devices:", true) + ": devices: duplicate key; first at line "
                + lineOf(yaml, "devices:", false)), e.problems());
    }

    @Test
    @DisplayName("a second users: section is an error naming both lines, not three operators silently replaced by one")
    void secondUsersSection() {
        String yaml = TestSites.smallYaml() + USERS + SECOND_USERS;
        ConfigException e = invalid(yaml);
        // (the placeholder password hashes are reported too: every problem is listed, not only the first kind)
        assertTrue(e.problems().contains("line " + lineOf(yaml, "users:", true) + ": users: duplicate key; first at line "
                + lineOf(yaml, "users:", false)), e.getMessage());
    }

    @Test
    @DisplayName("a key repeated inside one device or one section is an error naming its path and both places")
    void nestedDuplicate() {
        // GIVEN a block-style device with its profile twice, and a flow-style device with its location twice
        String yaml = TestSites.smallYaml()
                .replace("  - {id: gas-3-2-502, type: gas_alarm, profile: test-gas, location: 3-2-502}\n",
                        "  - id: gas-3-2-502\n    type: gas_alarm\n    profile: test-gas\n    location: 3-2-502\n"
                                + "    profile: test-smoke\n")
                .replace("profile: test-smoke, location: 7-1-101}", "profile: test-smoke, location: 7-1-101, location: 3-2-501}");
        ConfigException e = invalid(yaml);
        // THEN each names the path, and both lines (both columns when they share a line)
        int flowLine = lineOf(yaml, "location: 7-1-101, location", false);
        String flow = yaml.split("\n")[flowLine - 1];
        assertEquals(List.of(
                "line " + lineOf(yaml, "profile: test-smoke", false) + ": devices[1].profile: duplicate key; first at line "
                        + lineOf(yaml, "profile: test-gas\n    location: 3-2-502", false),
                "line " + flowLine + ", column " + (flow.lastIndexOf("location:") + 1) + ": devices[2].location: duplicate key;"
                        + " first at line " + flowLine + ", column " + (flow.indexOf("location:") + 1)), e.problems());
    }

    @Test
    @DisplayName("every duplicate key in the file is reported, in the order of the file, not only the first")
    void everyDuplicateReported() {
        String yaml = TestSites.smallYaml().replace("clientId: linli-test", "clientId: linli-test\n  clientId: other")
                + USERS + SECOND_DEVICES + SECOND_USERS;
        ConfigException e = invalid(yaml);
        List<String> duplicates = e.problems().stream().filter(p -> p.contains("duplicate key")).toList();
        assertEquals(3, duplicates.size(), e.getMessage());
        assertTrue(duplicates.get(0).contains("mqtt.clientId: duplicate key"), e.getMessage());
        assertTrue(duplicates.get(1).startsWith("line " + lineOf(yaml, "devices:", true) + ": devices:"), e.getMessage());
        assertTrue(duplicates.get(2).startsWith("line " + lineOf(yaml, "users:", true) + ": users:"), e.getMessage());
    }

    @Test
    @DisplayName("a second YAML document in the file is an error, not silently ignored")
    void secondDocumentRefused() {
        ConfigException e = invalid(TestSites.smallYaml() + "---\n" + SECOND_DEVICES);
        assertTrue(mentions(e, "line ", "single document"), e.getMessage());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DisplayName("a 2 GiB file is refused on its size, before it is read, with the size and the limit")
    void oversizedFileRefusedUnread(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.yaml");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(2L * 1024 * 1024 * 1024);
        }
        ConfigException e = assertThrows(ConfigException.class,
                () -> SiteFiles.load(file, TestSites.PROFILES, TestSites.ENV));
        assertEquals(List.of("the file is 2.0 GiB (2,147,483,648 bytes); a site file may be at most 4.0 MiB (4,194,304 bytes)"),
                e.problems());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("a 3.5 MiB single-line file under the size limit finishes with the line's length and the limit")
    void longSingleLineRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("one-line.yaml");
        Files.writeString(file, "site: {compound: " + "x".repeat(3_500_000) + "}\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> SiteFiles.load(file, TestSites.PROFILES, TestSites.ENV));
        assertEquals(List.of("line 1 is 3,500,018 characters long; a line may be at most 65,536"), e.problems());
    }

    @Test
    @DisplayName("a line just under the line limit is accepted")
    void longLineUnderLimitAccepted() throws Exception {
        String compound = "幸".repeat(SiteFileLimits.MAX_LINE_CHARS - 20);
        SiteConfig c = SiteFiles.parse(TestSites.smallYaml().replace("compound: 幸福里", "compound: " + compound),
                "test.yaml", TestSites.PROFILES, TestSites.ENV);
        assertEquals(compound, c.site().compound());
    }

    @Test
    @DisplayName("an alias bomb and deep nesting are refused by SnakeYAML's bounds, not expanded")
    void aliasBombAndNestingBounded() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b', prev = 'a'; c <= 'j'; prev = c, c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(("*" + prev + ", ").repeat(8)).append('*').append(prev).append("]\n");
        }
        assertTrue(mentions(invalid(bomb.toString()), "aliases", "max=" + SiteFileLimits.MAX_ALIASES_FOR_COLLECTIONS));
        assertTrue(mentions(invalid("site: " + "[".repeat(200) + "]".repeat(200) + "\n"), "Nesting Depth"));
    }
}
