package org.linli.sim.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.drivers.mqtt.VendorProfile;
import org.linli.drivers.mqtt.VendorProfiles;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.sitefile.SiteFiles;
import org.linli.gateway.timeseries.PointFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the shipped profiles make the gateway write, checked against docs/SCHEMA.md: each MQTT profile's golden
 * payloads decoded for real, and the readings the serial golden replies (CJ/T 188, Modbus) are asserted to decode
 * into, all turned into line protocol by the gateway's {@link PointFactory} for a device of the profile's type.
 */
class ShippedProfilesSchemaTest {
    private static final Path GOLDEN = Path.of("..", "device-drivers", "src", "test", "resources", "golden");
    private static final Path MODBUS_PROFILES = Path.of("..", "device-drivers", "src", "main", "resources", "profiles", "modbus");
    private static final Instant RECEIVED_AT = Instant.parse("2024-11-25T02:30:00Z");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    @DisplayName("every measurement, field and tag that any shipped profile's golden payload is written as is listed in docs/SCHEMA.md")
    void shippedProfilesWriteOnlyWhatSchemaLists() throws Exception {
        // GIVEN the schema as documented
        SchemaDoc schema = SchemaDoc.read(Path.of("..", "docs", "SCHEMA.md"));
        // WHEN every golden payload of every shipped profile is written as the gateway writes it
        List<String> lines = linesOfShippedProfiles();
        // THEN each line names a listed measurement, fields its measurement may carry, and listed tags
        List<String> problems = new ArrayList<>();
        for (String line : lines) {
            LineParts p = LineParts.parse(line);
            if (!schema.measurements.contains(p.measurement())) {
                problems.add("measurement " + p.measurement() + " is not in SCHEMA.md: " + line);
            }
            for (String f : p.fields()) {
                if (!schema.fieldAllowedIn(f, Set.of(p.measurement()))) {
                    problems.add("field " + p.measurement() + "." + f + " is not in SCHEMA.md: " + line);
                }
            }
            for (String t : p.tags()) {
                if (!schema.tags.contains(t)) {
                    problems.add("tag " + t + " is not in SCHEMA.md: " + line);
                }
            }
        }
        assertTrue(lines.size() >= 20, "golden payloads of every profile were written: " + lines.size());
        assertEquals(List.of(), problems);
    }

    /** measurement → the fields the shipped profiles' golden payloads write into it. */
    static Map<String, Set<String>> fieldsWritten() throws Exception {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String line : linesOfShippedProfiles()) {
            LineParts p = LineParts.parse(line);
            out.computeIfAbsent(p.measurement(), m -> new TreeSet<>()).addAll(p.fields());
        }
        return out;
    }

    /** The line protocol of every golden payload and reply, through the gateway's PointFactory (gas alarm level 20). */
    static List<String> linesOfShippedProfiles() throws Exception {
        SiteDirectory site = SiteDirectory.from(SiteFiles.load(Path.of("..", "examples", "xingfuli.yaml"),
                VendorProfileCatalog.load(null).deviceTypes(), n -> "set"));
        PointFactory points = new PointFactory(site, device -> 20.0);
        List<String> lines = new ArrayList<>();
        for (VendorProfile profile : VendorProfiles.builtIn().all()) {
            Device device = device(site, profile.deviceType(), profile.name());
            for (Path json : files(GOLDEN.resolve("mqtt").resolve(profile.name()), ".json")) {
                // the device id the topic names: the one the golden case expects (the payload's own must match it)
                String deviceId = YAML.readTree(json.resolveSibling(json.getFileName().toString()
                        .replace(".json", ".expected.yaml")).toFile()).get("deviceId").asText();
                Decoded decoded = profile.decoder().decode(deviceId, Files.readAllBytes(json), RECEIVED_AT);
                lines.addAll(points.points(device, decoded).telemetry());
                lines.addAll(points.points(device, decoded).events());
            }
        }
        for (Path hex : files(GOLDEN.resolve("cjt188"), ".hex")) {
            Map<String, String> expect = expectations(hex);
            int meterType = Integer.parseInt(expect.getOrDefault("type", "0"), 16);
            // the gateway polls a water_meter device as a water meter and a heat_meter as a heat meter (SerialSources)
            DeviceType type = meterType >= 0x20 && meterType < 0x30 ? DeviceType.HEAT_METER : DeviceType.WATER_METER;
            lines.addAll(points.points(device(site, type, "cjt188-standard"), expectedReadings(expect)).telemetry());
        }
        for (Path hex : files(GOLDEN.resolve("modbus"), ".hex")) {
            Map<String, String> expect = expectations(hex);
            if (expect.containsKey("model")) {
                JsonNode profile = YAML.readTree(MODBUS_PROFILES.resolve(expect.get("model") + ".yaml").toFile());
                DeviceType type = DeviceType.valueOf(profile.get("deviceType").asText().toUpperCase());
                lines.addAll(points.points(device(site, type, expect.get("model")), expectedReadings(expect)).telemetry());
            }
        }
        return lines;
    }

    private static Device device(SiteDirectory site, DeviceType type, String profile) {
        return new Device("golden-" + profile, type, profile, "mqtt", Location.parse("3-2-501"), site.gridFor("3").orElseThrow());
    }

    /** The {@code # expect.key: value} lines of a serial golden file. */
    private static Map<String, String> expectations(Path hex) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String line : Files.readAllLines(hex)) {
            if (line.startsWith("# expect.") && line.contains(":")) {
                int colon = line.indexOf(':');
                out.put(line.substring("# expect.".length(), colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return out;
    }

    private static Decoded expectedReadings(Map<String, String> expect) {
        List<Reading> readings = new ArrayList<>();
        expect.forEach((k, v) -> {
            if (k.startsWith("reading.")) {
                readings.add(new Reading("golden", Quantity.valueOf(k.substring("reading.".length())),
                        Double.parseDouble(v), RECEIVED_AT));
            }
        });
        return Decoded.of(readings, List.of());
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** A line of InfluxDB line protocol taken apart (no escaped spaces or commas occur in our tag values). */
    record LineParts(String measurement, Set<String> tags, Set<String> fields) {
        static LineParts parse(String line) {
            String[] parts = line.split(" ");
            String[] series = parts[0].split(",");
            Set<String> tags = new TreeSet<>();
            for (int i = 1; i < series.length; i++) {
                tags.add(series[i].substring(0, series[i].indexOf('=')));
            }
            Set<String> fields = new TreeSet<>();
            for (String f : parts[1].split(",")) {
                fields.add(f.substring(0, f.indexOf('=')));
            }
            return new LineParts(series[0], tags, fields);
        }
    }
}
