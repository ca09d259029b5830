package org.linli.drivers.serial.cjt188;

import java.time.Instant;
import java.util.List;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;

/**
 * The readings of a heat meter's 901F data, in canonical units: energy in kWh (HEAT_ENERGY_KWH for a heating
 * meter, COOLING_ENERGY_KWH for a cooling meter, so the two never share a series), power in kW, flow rate in
 * m³/h and cumulative flow in m³ (the same fields a water meter uses), supply and return temperature, working
 * hours. The settlement-day heat is not stored, as the settlement-day water total is not: it is the current
 * heat as of a past date, which the stored series already holds.
 */
final class HeatReadings {
    private HeatReadings() {
    }

    static List<Reading> of(String deviceId, Instant time, MeterType type, HeatMeterData d) throws DecodeException {
        Quantity energy = type == MeterType.HEAT_COOLING ? Quantity.COOLING_ENERGY_KWH : Quantity.HEAT_ENERGY_KWH;
        return List.of(
                Cjt188Decoder.checked(deviceId, time, energy, d.currentHeat().inBaseUnit()),
                Cjt188Decoder.checked(deviceId, time, Quantity.HEAT_POWER_KW, d.heatPower().inBaseUnit()),
                Cjt188Decoder.checked(deviceId, time, Quantity.WATER_FLOW_M3H, d.flowRate().inBaseUnit()),
                Cjt188Decoder.checked(deviceId, time, Quantity.WATER_TOTAL_M3, d.cumulativeFlow().inBaseUnit()),
                Cjt188Decoder.checked(deviceId, time, Quantity.SUPPLY_TEMP_C, d.supplyTemperature().doubleValue()),
                Cjt188Decoder.checked(deviceId, time, Quantity.RETURN_TEMP_C, d.returnTemperature().doubleValue()),
                Cjt188Decoder.checked(deviceId, time, Quantity.OPERATING_HOURS, d.workingHours()));
    }
}
