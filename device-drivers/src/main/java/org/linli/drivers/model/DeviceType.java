package org.linli.drivers.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What kind of device a reading or event came from. The id is also the InfluxDB measurement name. */
public enum DeviceType {
    GAS_ALARM("gas_alarm", true),
    SMOKE_DETECTOR("smoke_detector", true),
    WATER_METER("water_meter", false),
    /** A CJ/T 188 heat meter (heating or cooling energy, power, flow, supply/return temperature). */
    HEAT_METER("heat_meter", false),
    CAMERA("camera", false);

    private final String id;
    private final boolean lifeSafety;

    DeviceType(String id, boolean lifeSafety) {
        this.id = id;
        this.lifeSafety = lifeSafety;
    }

    /** Lower-case name used in config files, tags and measurement names. */
    public String id() {
        return id;
    }

    /** A detector that protects lives: its faults and silence weigh more than a meter's. */
    public boolean isLifeSafety() {
        return lifeSafety;
    }

    /** Every id, comma-separated, for messages that list the choices. */
    public static String ids() {
        return Arrays.stream(values()).map(DeviceType::id).collect(Collectors.joining(", "));
    }

    public static DeviceType fromId(String id) {
        for (DeviceType t : values()) {
            if (t.id.equalsIgnoreCase(id) || t.name().equalsIgnoreCase(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown device type '" + id + "' (expected one of " + ids() + ")");
    }
}
