package org.linli.gateway.rules;

import org.linli.gateway.site.Device;

import java.util.HashMap;
import java.util.Map;

/**
 * Routes "is this device's parent online?" by the device's transport: the gateway registers the MQTT connection
 * under {@code mqtt}; the serial and camera supervisors register theirs ({@code serial}, {@code onvif}). A transport
 * nobody registered counts as online. Event-loop confined.
 */
public final class ParentStatuses implements ParentStatus {
    private final Map<String, ParentStatus> byTransport = new HashMap<>();

    public ParentStatuses register(String transport, ParentStatus status) {
        byTransport.put(transport, status);
        return this;
    }

    @Override
    public boolean isParentOnline(Device device) {
        return byTransport.getOrDefault(device.transport(), ALWAYS_ONLINE).isParentOnline(device);
    }
}
