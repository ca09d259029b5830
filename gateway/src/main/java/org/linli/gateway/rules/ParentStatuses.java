package org.linli.gateway.rules;

import org.linli.gateway.site.Device;
import org.linli.gateway.source.Sources;

/**
 * "Is this device's parent connection up?" answered by the gateway's sources ({@link Sources#isParentUp}): an MQTT
 * device's parent is the broker connection, a polled meter's is its RS-485 bus; a device no source claims (a camera,
 * which is its own connection) counts as having its parent up. Event-loop confined.
 */
public final class ParentStatuses implements ParentStatus {
    private final Sources sources;

    public ParentStatuses(Sources sources) {
        this.sources = sources;
    }

    @Override
    public boolean isParentOnline(Device device) {
        return sources.isParentUp(device);
    }
}
