package org.linli.drivers.serial.cjt188;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Cjt188UnitTest {

    /** Amounts that equal one base unit (1 kWh, 1 kW, 1 m³/h, 1 m³), written from the physics, not the table. */
    static Stream<Arguments> oneBaseUnit() {
        return Stream.of(
                Arguments.of(Cjt188Unit.J, 3_600_000.0),
                Arguments.of(Cjt188Unit.KJ, 3_600.0),
                Arguments.of(Cjt188Unit.MJ, 3.6),
                Arguments.of(Cjt188Unit.GJ, 0.0036),
                Arguments.of(Cjt188Unit.GJ_X100, 0.000036),
                Arguments.of(Cjt188Unit.WH, 1_000.0),
                Arguments.of(Cjt188Unit.KWH, 1.0),
                Arguments.of(Cjt188Unit.MWH, 0.001),
                Arguments.of(Cjt188Unit.MWH_X100, 0.00001),
                Arguments.of(Cjt188Unit.W, 1_000.0),
                Arguments.of(Cjt188Unit.KW, 1.0),
                Arguments.of(Cjt188Unit.MW, 0.001),
                Arguments.of(Cjt188Unit.LITRE_PER_HOUR, 1_000.0),
                Arguments.of(Cjt188Unit.CUBIC_METRE_PER_HOUR, 1.0),
                Arguments.of(Cjt188Unit.LITRE, 1_000.0),
                Arguments.of(Cjt188Unit.CUBIC_METRE, 1.0));
    }

    @ParameterizedTest(name = "{1} {0} = 1 base unit")
    @MethodSource("oneBaseUnit")
    @DisplayName("Each unit converts to the base unit of its kind: energy to kWh (1 kWh = 3.6 MJ), power to kW, flow to m³/h, volume to m³")
    void toBase(Cjt188Unit unit, double amount) {
        assertEquals(1.0, unit.toBase(amount), 1e-12, unit.symbol());
    }

    @Test
    @DisplayName("Every unit of the table has a conversion case above, so a unit added later cannot go untested")
    void everyUnitCovered() {
        Set<Cjt188Unit> covered = EnumSet.noneOf(Cjt188Unit.class);
        oneBaseUnit().forEach(a -> covered.add((Cjt188Unit) a.get()[0]));
        assertEquals(EnumSet.allOf(Cjt188Unit.class), covered);
    }

    @Test
    @DisplayName("Heat meter values convert as read off the display: 12.34 GJ = 3427.78 kWh, 1.25 MW = 1250 kW, 850 L/h = 0.85 m³/h")
    void meterValues() {
        assertEquals(3427.777_777_8, MeterValue.of("12.34", Cjt188Unit.GJ).inBaseUnit(), 1e-6);
        assertEquals(1250.0, MeterValue.of("1.25", Cjt188Unit.MW).inBaseUnit(), 1e-9);
        assertEquals(0.85, MeterValue.of("850.0000", Cjt188Unit.LITRE_PER_HOUR).inBaseUnit(), 1e-12);
        assertEquals(1000.0, MeterValue.of("3600.00", Cjt188Unit.MJ).inBaseUnit(), 1e-9);
    }
}
