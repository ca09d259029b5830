package org.linli.drivers.model;

/** What kind of device a reading or event came from. The id is also the InfluxDB measurement name. */
public enum DeviceType {
    GAS_ALARM("gas_alarm"),
    SMOKE_DETECTOR("smoke_detector"),
    WATER_METER("water_meter"),
    CAMERA("camera");

    private final String id;

    DeviceType(String id) {
        this.id = id;
    }

    /** Lower-case name used in config files, tags and measurement names. */
    public String id() {
        return id;
    }

    public static DeviceType fromId(String id) {
        for (DeviceType t : values()) {
            if (t.id.equalsIgnoreCase(id) || t.name().equalsIgnoreCase(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown device type '" + id + "' (expected one of gas_alarm, smoke_detector, water_meter, camera)");
    }
}
