package org.linli.gateway.timeseries;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.gateway.TestSites;
import org.linli.gateway.config.ConfigException;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.sitefile.SiteFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stored line protocol must stay byte-for-byte what it was when it was built through influxdb-client's
 * {@code Point}: the golden file {@code golden/line-protocol.txt} was written by the Point-based PointFactory
 * (issue 15, before the rewrite) from exactly the messages made here. Regenerate it only on purpose:
 * {@code -Dlinli.golden.write=true}.
 */
class LineProtocolGoldenTest {
    private static final Path GOLDEN_SOURCE = Path.of("src/test/resources/golden/line-protocol.txt");
    private static final Instant T = Instant.parse("2026-11-22T03:00:00.123Z");
    /** Values that exercise the number format: integral, tiny, huge, long fractions, negative and signed zero. */
    private static final double[] VALUES = {0, -0.0, 12.5, 0.1, 1e-7, 2.5e-5, 123456789.123, 1e8, 99.99999999,
            1.0 / 3, Math.PI * 1000, -60, 0.30000000000000004, 7, 100, 1e10, 4.9e-3, -0.5, 0.995, 1234.5678e3};

    @Test
    @DisplayName("readings and events of every kind, for devices of every location kind, give the golden lines")
    void sameLinesAsBefore() throws Exception {
        // GIVEN the small test site and a variant whose names need escaping (space, comma, equals sign)
        List<String> lines = new ArrayList<>();
        for (SiteDirectory site : List.of(SiteDirectory.from(TestSites.small()), escapingSite())) {
            PointFactory plain = new PointFactory(site);
            PointFactory withLevel = new PointFactory(site, d -> d.id().endsWith("501") ? 20.0 : 25.5);
            // WHEN every device's messages are turned into points
            for (Device device : site.devices()) {
                lines.addAll(all(plain.points(device, messageOf(device.id(), 0))));
                lines.addAll(all(withLevel.points(device, messageOf(device.id(), 1))));
                lines.addAll(all(withLevel.points(device, severalInstants(device.id()))));
            }
        }
        // THEN the lines are exactly the golden ones
        String actual = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("linli.golden.write")) {
            Files.createDirectories(GOLDEN_SOURCE.getParent());
            Files.writeString(GOLDEN_SOURCE, actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = getClass().getResourceAsStream("/golden/line-protocol.txt")) {
            String golden = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(golden, actual);
        }
    }

    @Test
    @DisplayName("a device id seen again as another device (another type, another flat) gets that device's measurement and tags")
    void sameIdAnotherDevice() throws Exception {
        // GIVEN two devices of the small site, and a copy of the first that carries the second's type and location
        SiteDirectory site = SiteDirectory.from(TestSites.small());
        Device first = site.devices().iterator().next();
        Device other = site.devices().stream().filter(d -> d.type() != first.type()
                && !d.location().equals(first.location())).findFirst().orElseThrow();
        Device moved = new Device(first.id(), other.type(), other.profile(), other.transport(), other.location(), other.grid());
        Device sameAgain = new Device(first.id(), first.type(), first.profile(), first.transport(), first.location(), first.grid());
        PointFactory points = new PointFactory(site);
        Decoded msg = messageOf(first.id(), 0);
        String asFirst = points.points(first, msg).telemetry().get(0);
        // WHEN the same id comes as the moved device, and then as an equal copy of the first
        String asMoved = points.points(moved, msg).telemetry().get(0);
        String asFirstAgain = points.points(sameAgain, msg).telemetry().get(0);
        // THEN the moved one has the other device's measurement and tags (with its own id), the copy the first's
        String otherLine = points.points(other, messageOf(other.id(), 0)).telemetry().get(0);
        String otherPrefix = otherLine.substring(0, otherLine.indexOf(' '));
        assertEquals(otherPrefix.replace("device=" + other.id(), "device=" + first.id()), asMoved.substring(0, asMoved.indexOf(' ')));
        assertNotEquals(asFirst.substring(0, asFirst.indexOf(' ')), asMoved.substring(0, asMoved.indexOf(' ')));
        assertEquals(asFirst, asFirstAgain);
    }

    @Test
    @DisplayName("an instant whose only values are not finite makes no line (the queue refuses an empty record), the others theirs")
    void nonFiniteInstantMakesNoLine() throws Exception {
        // GIVEN a device with one instant of NaN and infinity only, and one of a finite value
        SiteDirectory site = SiteDirectory.from(TestSites.small());
        Device device = site.devices().iterator().next();
        Decoded msg = Decoded.of(List.of(new Reading(device.id(), Quantity.GAS_LEL, Double.NaN, T),
                new Reading(device.id(), Quantity.GAS_PPM, Double.POSITIVE_INFINITY, T),
                new Reading(device.id(), Quantity.GAS_LEL, 4.5, T.plusSeconds(1))), List.of());
        // WHEN it is turned into points
        List<byte[]> lines = new PointFactory(site).readingLines(device, msg.readings());
        // THEN only the finite instant has a line, and its bytes are the UTF-8 of its text, Chinese tags included
        assertEquals(1, lines.size());
        String text = new String(lines.get(0), StandardCharsets.UTF_8);
        assertTrue(text.endsWith(" gas_lel=4.5 " + T.plusSeconds(1).toEpochMilli()), text);
        assertTrue(text.contains("compound=幸福里"), text);
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), lines.get(0));
    }

    @Test
    @DisplayName("a line's bytes are the prefix's UTF-8 and then the tail's, whether the tail is ASCII or not")
    void joinedBytesAreUtf8() {
        byte[] prefix = "gas_alarm,compound=幸福里 ".getBytes(StandardCharsets.UTF_8);
        for (String tail : List.of("gas_lel=4.5 1764000000000", "", "温度=1i 1", "x=\u00e9 2")) {
            assertArrayEquals(("gas_alarm,compound=幸福里 " + tail).getBytes(StandardCharsets.UTF_8),
                    PointFactory.join(prefix, new StringBuilder(tail)), tail);
        }
    }

    private static List<String> all(PointBatch batch) {
        List<String> out = new ArrayList<>(batch.telemetry());
        out.addAll(batch.events());
        return out;
    }

    /** One message with every quantity (values rotated by {@code shift}) and every event type, all at one instant. */
    private static Decoded messageOf(String deviceId, int shift) {
        List<Reading> readings = new ArrayList<>();
        Quantity[] qs = Quantity.values();
        for (int i = 0; i < qs.length; i++) {
            readings.add(new Reading(deviceId, qs[i], VALUES[(i + shift) % VALUES.length], T));
        }
        List<DeviceEvent> events = new ArrayList<>();
        for (EventType e : EventType.values()) {
            events.add(new DeviceEvent(deviceId, e, T.plusMillis(e.ordinal())));
        }
        return Decoded.of(readings, events);
    }

    /** Readings at three instants (as OneNET's per-property times give), one quantity repeated at one instant. */
    private static Decoded severalInstants(String deviceId) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < VALUES.length; i++) {
            readings.add(new Reading(deviceId, i % 2 == 0 ? Quantity.GAS_LEL : Quantity.SIGNAL_DBM, VALUES[i],
                    T.plusSeconds(i % 3)));
        }
        readings.add(new Reading(deviceId, Quantity.VALVE_OPEN, 1, T));
        readings.add(new Reading(deviceId, Quantity.VALVE_OPEN, 0, T.plusSeconds(1)));
        return Decoded.of(readings, List.of());
    }

    private static SiteDirectory escapingSite() throws IOException, ConfigException {
        String yaml = TestSites.smallYaml()
                .replace("street: 南湖街道", "street: \"南湖 街道,东=区\"")
                .replace("compound: 幸福里", "compound: \"幸福 里\"");
        return SiteDirectory.from(SiteFiles.parse(yaml, "site-escaping.yaml", TestSites.PROFILES, TestSites.ENV));
    }
}
