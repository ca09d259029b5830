package org.linli.drivers.model;

/** The internal vocabulary of device events. The id is written as the {@code event} tag. */
public enum EventType {
    ALARM("alarm"),
    ALARM_CLEARED("alarm_cleared"),
    FAULT("fault"),
    FAULT_CLEARED("fault_cleared"),
    LOW_BATTERY("low_battery"),
    TAMPER("tamper"),
    SENSOR_END_OF_LIFE("sensor_end_of_life"),
    SENSOR_CONTAMINATED("sensor_contaminated"),
    VALVE_SHUT("valve_shut"),
    VALVE_FAULT("valve_fault"),
    REVERSE_FLOW("reverse_flow"),
    SILENCED("silenced"),
    SELF_TEST("self_test"),
    MOTION("motion"),
    MOTION_CLEARED("motion_cleared"),
    HEARTBEAT("heartbeat");

    private final String id;

    EventType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
