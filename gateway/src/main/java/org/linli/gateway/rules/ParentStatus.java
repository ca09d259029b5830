package org.linli.gateway.rules;

import org.linli.gateway.site.Device;

/**
 * Whether the connection a device reports through (the MQTT broker connection, its serial bus) is up. When it is
 * down, silence from the device says nothing about the device, so the heartbeat rule raises nothing for it: one alert
 * for the parent is the parent supervisor's job (FIELD-NOTES §6). The gateway's implementation is
 * {@link ParentStatuses}, over the sources.
 */
@FunctionalInterface
public interface ParentStatus {
    boolean isParentOnline(Device device);
}
