package org.linli.gateway.rules;

import org.linli.gateway.site.Device;

/**
 * Whether the connection a device reports through (the MQTT broker connection, a serial bus, a camera's network) is
 * up. When it is down, silence from the device says nothing about the device, so the heartbeat rule raises nothing
 * for it: one alert for the parent is the parent supervisor's job (FIELD-NOTES §6).
 */
@FunctionalInterface
public interface ParentStatus {
    boolean isParentOnline(Device device);

    ParentStatus ALWAYS_ONLINE = d -> true;
}
