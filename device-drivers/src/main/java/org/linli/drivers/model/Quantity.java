package org.linli.drivers.model;

/**
 * The internal vocabulary of measured values. Every vendor format is mapped onto these; the field name,
 * unit and field type are fixed here so that the time series schema (docs/SCHEMA.md) has one source.
 * The range is physical plausibility: a decoded value outside it is rejected as OUT_OF_RANGE.
 */
public enum Quantity {
    GAS_LEL("gas_lel", "%LEL", FieldType.FLOAT, 0, 100),
    GAS_PPM("gas_ppm", "ppm", FieldType.FLOAT, 0, 1_000_000),
    SMOKE_LEVEL("smoke_level", "%obs/m", FieldType.FLOAT, 0, 100),
    BATTERY_PCT("battery_pct", "%", FieldType.FLOAT, 0, 100),
    BATTERY_V("battery_v", "V", FieldType.FLOAT, 0, 60),
    SIGNAL_DBM("signal_dbm", "dBm", FieldType.INTEGER, -150, 0),
    SENSOR_LIFE_DAYS("sensor_life_days", "d", FieldType.INTEGER, 0, 20_000),
    WATER_TOTAL_M3("total_m3", "m³", FieldType.FLOAT, 0, 100_000_000),
    WATER_REVERSE_M3("reverse_total_m3", "m³", FieldType.FLOAT, 0, 100_000_000),
    WATER_FLOW_M3H("flow_m3h", "m³/h", FieldType.FLOAT, -10_000, 10_000),
    GAS_TOTAL_M3("gas_total_m3", "m³", FieldType.FLOAT, 0, 100_000_000),
    VALVE_OPEN("valve_open", "", FieldType.BOOLEAN, 0, 1),
    TEMPERATURE_C("temperature_c", "°C", FieldType.FLOAT, -60, 200),
    /** Heat delivered, cumulative (heat meters counting heating, CJ/T 188 type 20). */
    HEAT_ENERGY_KWH("heat_kwh", "kWh", FieldType.FLOAT, 0, 10_000_000_000.0),
    /** Cooling delivered, cumulative (heat meters counting cooling, CJ/T 188 type 21). */
    COOLING_ENERGY_KWH("cooling_kwh", "kWh", FieldType.FLOAT, 0, 10_000_000_000.0),
    HEAT_POWER_KW("heat_power_kw", "kW", FieldType.FLOAT, 0, 100_000),
    /** Heating/cooling water temperatures at a heat meter; water circuits stay within 0-200 °C. */
    SUPPLY_TEMP_C("supply_temp_c", "°C", FieldType.FLOAT, 0, 200),
    RETURN_TEMP_C("return_temp_c", "°C", FieldType.FLOAT, 0, 200),
    /** A meter's cumulative working time: a counter that stops tells that the meter stopped measuring. */
    OPERATING_HOURS("operating_hours", "h", FieldType.INTEGER, 0, 999_999);

    private final String field;
    private final String unit;
    private final FieldType fieldType;
    private final double min;
    private final double max;

    Quantity(String field, String unit, FieldType fieldType, double min, double max) {
        this.field = field;
        this.unit = unit;
        this.fieldType = fieldType;
        this.min = min;
        this.max = max;
    }

    /** The InfluxDB field name. */
    public String field() {
        return field;
    }

    public String unit() {
        return unit;
    }

    public FieldType fieldType() {
        return fieldType;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public boolean inRange(double value) {
        return !Double.isNaN(value) && value >= min && value <= max;
    }
}
