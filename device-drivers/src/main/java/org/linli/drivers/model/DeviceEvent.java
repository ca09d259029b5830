package org.linli.drivers.model;

import java.time.Instant;
import java.util.Objects;

/** Something a device reported happening (alarm, fault, tamper, heartbeat...). detail is free text, may be empty. */
public record DeviceEvent(String deviceId, EventType type, Instant time, String detail) {
    public DeviceEvent {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        detail = detail == null ? "" : detail;
    }

    public DeviceEvent(String deviceId, EventType type, Instant time) {
        this(deviceId, type, time, "");
    }
}
