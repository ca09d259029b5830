package org.linli.gateway.pipeline;

import org.linli.drivers.model.DeviceEvent;
import org.linli.gateway.site.Device;

/** Receives every decoded event of a known device, on the event loop (the alert rules are one). */
@FunctionalInterface
public interface DeviceEventListener {
    void onEvent(Device device, DeviceEvent event);
}
