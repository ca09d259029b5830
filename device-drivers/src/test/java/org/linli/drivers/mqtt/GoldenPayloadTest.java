package org.linli.drivers.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;

/** Golden vectors: every built-in profile decodes each of its recorded payloads into exactly the expected result. */
class GoldenPayloadTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Instant DEFAULT_RECEIVED_AT = Instant.parse("2024-11-25T02:30:00Z");

    @TestFactory
    @DisplayName("each built-in profile decodes its golden payloads exactly as expected")
    Stream<DynamicContainer> goldenPayloadsPerProfile() throws Exception {
        Path root = goldenRoot();
        return VendorProfiles.builtIn().all().stream().map(profile -> {
            List<Path> cases = cases(root.resolve(profile.name()));
            assertFalse(cases.isEmpty(), "profile " + profile.name() + " has no golden payloads under " + root);
            return DynamicContainer.dynamicContainer(profile.name(), cases.stream().map(json ->
                    DynamicTest.dynamicTest(json.getFileName().toString(), () -> assertGolden(profile, json))));
        });
    }

    private static void assertGolden(VendorProfile profile, Path json) throws Exception {
        // GIVEN the payload and what it must decode into
        JsonNode expected = YAML.readTree(json.resolveSibling(json.getFileName().toString().replace(".json", ".expected.yaml")).toFile());
        String deviceId = expected.get("deviceId").asText();
        Instant receivedAt = expected.has("receivedAt") ? Instant.parse(expected.get("receivedAt").asText()) : DEFAULT_RECEIVED_AT;
        // WHEN the profile's decoder reads it
        Decoded actual = profile.decoder().decode(deviceId, Files.readAllBytes(json), receivedAt);
        // THEN readings and events match value for value, in order
        assertEquals(expectedDecoded(deviceId, expected), actual, json.toString());
    }

    private static Decoded expectedDecoded(String deviceId, JsonNode expected) {
        List<Reading> readings = new ArrayList<>();
        for (JsonNode r : expected.path("readings")) {
            readings.add(new Reading(deviceId, Quantity.valueOf(r.get("quantity").asText()), r.get("value").asDouble(),
                    Instant.parse(r.get("time").asText())));
        }
        List<DeviceEvent> events = new ArrayList<>();
        for (JsonNode e : expected.path("events")) {
            events.add(new DeviceEvent(deviceId, EventType.valueOf(e.get("type").asText()), Instant.parse(e.get("time").asText()),
                    e.path("detail").asText("")));
        }
        return Decoded.of(readings, events);
    }

    private static List<Path> cases(Path dir) {
        assertTrue(Files.isDirectory(dir), "missing golden folder " + dir);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path goldenRoot() throws URISyntaxException {
        return Path.of(GoldenPayloadTest.class.getClassLoader().getResource("golden/mqtt").toURI());
    }
}
