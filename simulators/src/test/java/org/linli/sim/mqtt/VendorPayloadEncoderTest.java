package org.linli.sim.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.drivers.mqtt.EventField;
import org.linli.drivers.mqtt.ReadingField;
import org.linli.drivers.mqtt.TimestampFormat;
import org.linli.drivers.mqtt.VendorProfile;
import org.linli.drivers.mqtt.VendorProfiles;

/** The encoder is the inverse of each profile's decoder, so the simulator can speak every vendor format. */
class VendorPayloadEncoderTest {
    private static final VendorProfiles PROFILES = VendorProfiles.builtIn();
    /** Sub-second part on purpose, to check each format's time resolution. */
    private static final Instant TIME = Instant.parse("2024-11-25T02:00:00.123456Z");
    private static final String DEVICE = "dev-0703";
    /** Representative values with more precision than most vendors carry, to check rounding to the scale. */
    private static final Map<Quantity, Double> VALUES = Map.ofEntries(
            Map.entry(Quantity.GAS_LEL, 21.53), Map.entry(Quantity.GAS_PPM, 850.0), Map.entry(Quantity.SMOKE_LEVEL, 3.75),
            Map.entry(Quantity.BATTERY_PCT, 87.0), Map.entry(Quantity.BATTERY_V, 3.017), Map.entry(Quantity.SIGNAL_DBM, -93.0),
            Map.entry(Quantity.SENSOR_LIFE_DAYS, 1450.0), Map.entry(Quantity.WATER_TOTAL_M3, 123.4567),
            Map.entry(Quantity.WATER_REVERSE_M3, 0.012), Map.entry(Quantity.WATER_FLOW_M3H, -0.45),
            Map.entry(Quantity.VALVE_OPEN, 1.0), Map.entry(Quantity.TEMPERATURE_C, 12.5));

    private final VendorPayloadEncoder encoder = new VendorPayloadEncoder();

    static Stream<VendorProfile> builtInProfiles() {
        return PROFILES.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInProfiles")
    @DisplayName("every reading and one event per field, encoded then decoded, come back equal up to scale and time resolution")
    void roundTrip(VendorProfile profile) throws Exception {
        // GIVEN everything the profile can carry: all its quantities and one event per event field
        Decoded content = representative(profile);
        // WHEN encoded in the vendor's format and decoded by the same profile
        byte[] payload = encoder.encode(profile, DEVICE, content);
        Decoded decoded = profile.decoder().decode(DEVICE, payload, TIME);
        // THEN the values agree within half a scale step, the times at the format's resolution, the events in order
        String json = new String(payload, StandardCharsets.UTF_8);
        assertEquals(content.readings().size(), decoded.readings().size(), json);
        for (int i = 0; i < content.readings().size(); i++) {
            Reading sent = content.readings().get(i);
            Reading got = decoded.readings().get(i);
            ReadingField field = profile.readings().stream().filter(f -> f.quantity() == sent.quantity()).findFirst().orElseThrow();
            assertEquals(sent.quantity(), got.quantity(), json);
            assertEquals(sent.value(), got.value(), field.scale().abs().doubleValue() / 2 + 1e-9, sent.quantity() + " in " + json);
            assertEquals(atResolution(profile, sent.time()), got.time(), json);
            assertEquals(DEVICE, got.deviceId());
        }
        assertEquals(content.events().stream().map(e -> e.type() + "@" + atResolution(profile, e.time())).toList(),
                decoded.events().stream().map(e -> e.type() + "@" + e.time()).toList(), json);
    }

    @Test
    @DisplayName("scaled integers are rounded to the vendor's step and written as JSON integers")
    void scaledIntegerRounding() {
        VendorProfile acme = PROFILES.find("acme-gas-flat").orElseThrow();
        String json = new String(encoder.encode(acme, "868120300001234", Decoded.of(
                List.of(new Reading("868120300001234", Quantity.GAS_LEL, 21.56, TIME)),
                List.of(new DeviceEvent("868120300001234", EventType.ALARM, TIME)))), StandardCharsets.UTF_8);
        assertEquals("{\"imei\":\"868120300001234\",\"gas\":216,\"st\":1,\"t\":\"rpt\",\"ts\":1732500000123}", json);
    }

    @Test
    @DisplayName("a quantity the profile has no pointer for is refused, naming the quantity")
    void quantityWithoutPointer() {
        VendorProfile onenet = PROFILES.find("onenet-gas").orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoder.encode(onenet, DEVICE,
                Decoded.of(List.of(new Reading(DEVICE, Quantity.BATTERY_PCT, 50, TIME)), List.of())));
        assertTrue(e.getMessage().contains("BATTERY_PCT"), e.getMessage());
    }

    @Test
    @DisplayName("an event the profile has no code for is refused, naming the event")
    void eventWithoutCode() {
        VendorProfile water = PROFILES.find("acme-water-flat").orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoder.encode(water, DEVICE, Decoded.of(
                List.of(new Reading(DEVICE, Quantity.WATER_TOTAL_M3, 1, TIME)), List.of(new DeviceEvent(DEVICE, EventType.SILENCED, TIME)))));
        assertTrue(e.getMessage().contains("SILENCED"), e.getMessage());
    }

    @Test
    @DisplayName("two events for one single-code field, or readings at different times in a one-timestamp format, are refused")
    void contentTheFormatCannotHold() {
        VendorProfile acme = PROFILES.find("acme-gas-flat").orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(acme, DEVICE, Decoded.of(List.of(),
                List.of(new DeviceEvent(DEVICE, EventType.ALARM, TIME), new DeviceEvent(DEVICE, EventType.ALARM_CLEARED, TIME)))));
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(acme, DEVICE, Decoded.of(List.of(
                new Reading(DEVICE, Quantity.GAS_LEL, 1, TIME), new Reading(DEVICE, Quantity.BATTERY_PCT, 50, TIME.plusSeconds(1))), List.of())));
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(acme, DEVICE, Decoded.of(List.of(), List.of())));
    }

    @Test
    @DisplayName("a required reading missing from the content is refused rather than invented")
    void requiredReadingMissing() {
        VendorProfile water = PROFILES.find("acme-water-flat").orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoder.encode(water, DEVICE,
                Decoded.of(List.of(new Reading(DEVICE, Quantity.BATTERY_V, 3.6, TIME)), List.of())));
        assertTrue(e.getMessage().contains("/tot"), e.getMessage());
    }

    /** All of the profile's quantities, and per event field the first event not already taken (two bits for status words). */
    private static Decoded representative(VendorProfile profile) {
        List<Reading> readings = new ArrayList<>();
        for (ReadingField field : profile.readings()) {
            readings.add(new Reading(DEVICE, field.quantity(), VALUES.get(field.quantity()), TIME));
        }
        List<DeviceEvent> events = new ArrayList<>();
        Set<EventType> taken = new HashSet<>();
        for (EventField field : profile.events()) {
            Stream<EventType> candidates = field.isBitField() ? field.bits().values().stream()
                    : field.codes().values().stream().flatMap(Optional::stream);
            candidates.filter(taken::add).limit(field.isBitField() ? 2 : 1)
                    .forEach(type -> events.add(new DeviceEvent(DEVICE, type, TIME)));
        }
        return Decoded.of(readings, events);
    }

    private static Instant atResolution(VendorProfile profile, Instant time) {
        TimestampFormat format = profile.timestamp().orElseThrow().format();
        return switch (format) {
            case EPOCH_MILLIS -> time.truncatedTo(ChronoUnit.MILLIS);
            case EPOCH_SECONDS -> time.truncatedTo(ChronoUnit.SECONDS);
            case ISO8601 -> time;
        };
    }
}
