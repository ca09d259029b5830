package org.linli.drivers.serial.cjt188;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;

class HeatMeterDataTest {
    private static final MeterAddress METER = MeterAddress.of("78330011223344");
    private static final Instant T = Instant.parse("2025-01-15T06:00:00Z");
    private static final HeatMeterData WINTER = new HeatMeterData(MeterValue.of("9.80", Cjt188Unit.GJ),
            MeterValue.of("10.80", Cjt188Unit.GJ), MeterValue.of("4.25", Cjt188Unit.KW),
            MeterValue.of("0.1500", Cjt188Unit.CUBIC_METRE_PER_HOUR), MeterValue.of("345.67", Cjt188Unit.CUBIC_METRE),
            new BigDecimal("48.30"), new BigDecimal("36.05"), 1234, Optional.of(LocalDateTime.of(2025, 1, 15, 14, 0, 1)),
            0x04, 0x00);

    @Test
    @DisplayName("Round trip: a heating meter's reply built by the meter side decodes to kWh, kW, m³/h, m³, both temperatures, hours, valve and low battery")
    void heatingRoundTrip() throws DecodeException {
        Cjt188Frame request = Cjt188Requests.readCurrentFlow(MeterType.HEAT_HEATING, METER, 3);
        byte[] wire = Cjt188Codec.encode(Cjt188Replies.heat(request, METER, WINTER), 4);
        assertEquals(0x2E, wire[4 + 10] & 0xFF, "L = DI + SER + 43 data bytes");

        Cjt188Frame reply = Cjt188Codec.decode(wire);
        reply.checkAnswers(request);
        assertEquals(WINTER, HeatMeterData.parse(reply.data()));
        Decoded d = new Cjt188Decoder(StatusProfiles.load("cjt188-standard")).decode("heat-1", T, reply);

        Map<Quantity, Double> expected = new EnumMap<>(Quantity.class);
        expected.put(Quantity.HEAT_ENERGY_KWH, 10.80 * 1_000_000 / 3_600); // 1 GJ = 10^6 kJ, 1 kWh = 3600 kJ
        expected.put(Quantity.HEAT_POWER_KW, 4.25);
        expected.put(Quantity.WATER_FLOW_M3H, 0.15);
        expected.put(Quantity.WATER_TOTAL_M3, 345.67);
        expected.put(Quantity.SUPPLY_TEMP_C, 48.30);
        expected.put(Quantity.RETURN_TEMP_C, 36.05);
        expected.put(Quantity.OPERATING_HOURS, 1234.0);
        expected.put(Quantity.VALVE_OPEN, 1.0);
        assertEquals(expected.keySet(), byQuantity(d).keySet());
        expected.forEach((q, v) -> assertEquals(v, byQuantity(d).get(q), 1e-9, q.name()));
        assertTrue(d.readings().stream().allMatch(r -> r.time().equals(T) && r.deviceId().equals("heat-1")));
        assertEquals(1, d.events().size());
        assertEquals(EventType.LOW_BATTERY, d.events().get(0).type());
    }

    @Test
    @DisplayName("A cooling meter (type 21) reports its energy as COOLING_ENERGY_KWH, never as heat")
    void coolingMeter() throws DecodeException {
        Cjt188Frame request = Cjt188Requests.readCurrentFlow(MeterType.HEAT_COOLING, METER, 4);
        Cjt188Frame reply = Cjt188Codec.decode(Cjt188Codec.encode(Cjt188Replies.heat(request, METER, WINTER), 0));
        Map<Quantity, Double> got = byQuantity(new Cjt188Decoder(StatusProfiles.load("cjt188-standard"))
                .decode("cool-1", T, reply));
        assertEquals(3000.0, got.get(Quantity.COOLING_ENERGY_KWH), 1e-9);
        assertTrue(!got.containsKey(Quantity.HEAT_ENERGY_KWH));
    }

    @Test
    @DisplayName("Heat data shorter or longer than 43 bytes is BAD_LENGTH, at every length")
    void everyWrongLength() {
        byte[] data = WINTER.encode();
        for (int n = 0; n <= HeatMeterData.LENGTH + 2; n++) {
            if (n == HeatMeterData.LENGTH) {
                continue;
            }
            byte[] cut = Arrays.copyOf(data, n);
            DecodeException e = assertThrows(DecodeException.class, () -> HeatMeterData.parse(cut), "n=" + n);
            assertEquals(DecodeFailure.BAD_LENGTH, e.reason(), "n=" + n);
        }
    }

    @Test
    @DisplayName("A heat reply cut short on the line is TRUNCATED_FRAME at every cut point after the header")
    void truncatedFrame() {
        Cjt188Frame request = Cjt188Requests.readCurrentFlow(MeterType.HEAT_HEATING, METER, 5);
        byte[] wire = Cjt188Codec.encode(Cjt188Replies.heat(request, METER, WINTER), 0);
        for (int n = 1; n < wire.length; n++) {
            byte[] cut = Arrays.copyOf(wire, n);
            assertEquals(DecodeFailure.TRUNCATED_FRAME,
                    assertThrows(DecodeException.class, () -> Cjt188Codec.decode(cut)).reason(), "n=" + n);
        }
    }

    @Test
    @DisplayName("A non-BCD byte in any number of the heat data is BAD_BCD, and the message names the field")
    void badBcdNamesTheField() {
        Map<Integer, String> fieldAt = new LinkedHashMap<>();
        String[] fives = {"settlement-day heat", "current heat", "heat power", "flow rate", "cumulative flow"};
        for (int f = 0; f < fives.length; f++) {
            for (int i = 0; i < 4; i++) {
                fieldAt.put(f * 5 + i, fives[f]);
            }
        }
        String[] threes = {"supply temperature", "return temperature", "working time"};
        for (int f = 0; f < threes.length; f++) {
            for (int i = 0; i < 3; i++) {
                fieldAt.put(25 + f * 3 + i, threes[f]);
            }
        }
        for (int i = 34; i < 41; i++) {
            fieldAt.put(i, "meter clock");
        }
        fieldAt.forEach((offset, field) -> {
            byte[] data = WINTER.encode();
            data[offset] = (byte) (offset % 2 == 0 ? 0x0B : 0xC0); // low or high nibble above 9
            DecodeException e = assertThrows(DecodeException.class, () -> HeatMeterData.parse(data), "offset " + offset);
            assertEquals(DecodeFailure.BAD_BCD, e.reason(), "offset " + offset);
            assertTrue(e.getMessage().startsWith(field + ":"), "offset " + offset + ": " + e.getMessage());
        });
    }

    @Test
    @DisplayName("A unit of the wrong kind in each heat field (volume for energy, energy for power...) is UNKNOWN_CODE naming the field")
    void wrongUnitKind() {
        Map<Integer, String> unitAt = Map.of(4, "settlement-day heat", 9, "current heat", 14, "heat power",
                19, "flow rate", 24, "cumulative flow");
        unitAt.forEach((offset, field) -> {
            byte[] data = WINTER.encode();
            data[offset] = (byte) (offset == 4 || offset == 9 ? Cjt188Unit.CUBIC_METRE.code() : Cjt188Unit.KWH.code());
            DecodeException e = assertThrows(DecodeException.class, () -> HeatMeterData.parse(data), field);
            assertEquals(DecodeFailure.UNKNOWN_CODE, e.reason(), field);
            assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
        });
    }

    @Test
    @DisplayName("The encoder writes the documented offsets: 1F 90 SER, then settlement heat, current heat, power... status last")
    void layout() {
        byte[] d = WINTER.encode();
        assertArrayEquals(new byte[] {(byte) 0x80, 0x09, 0x00, 0x00, 0x11}, Arrays.copyOfRange(d, 0, 5));
        assertArrayEquals(new byte[] {0x25, 0x04, 0x00, 0x00, 0x17}, Arrays.copyOfRange(d, 10, 15));
        assertArrayEquals(new byte[] {0x00, 0x15, 0x00, 0x00, 0x35}, Arrays.copyOfRange(d, 15, 20));
        assertArrayEquals(new byte[] {0x30, 0x48, 0x00, 0x05, 0x36, 0x00, 0x34, 0x12, 0x00}, Arrays.copyOfRange(d, 25, 34));
        assertArrayEquals(new byte[] {0x01, 0x00, 0x14, 0x15, 0x01, 0x25, 0x20, 0x04, 0x00}, Arrays.copyOfRange(d, 34, 43));
    }

    @Test
    @DisplayName("Electricity meters (type 40) still have no 901F layout here: UNKNOWN_CODE rather than a guess")
    void electricityRejected() {
        Cjt188Frame reply = new Cjt188Frame(0x40, METER, 0x81, DataId.CURRENT_FLOW, 1, WINTER.encode());
        assertEquals(DecodeFailure.UNKNOWN_CODE, assertThrows(DecodeException.class,
                () -> new Cjt188Decoder(StatusProfiles.load("cjt188-standard")).decode("e", T, reply)).reason());
    }

    private static Map<Quantity, Double> byQuantity(Decoded d) {
        Map<Quantity, Double> out = new EnumMap<>(Quantity.class);
        for (Reading r : d.readings()) {
            out.put(r.quantity(), r.value());
        }
        return out;
    }
}
