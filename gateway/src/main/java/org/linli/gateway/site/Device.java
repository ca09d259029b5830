package org.linli.gateway.site;

import org.linli.drivers.model.DeviceType;

/** An installed device, resolved against the site: where it is, which profile decodes it, which grid answers for it. */
public record Device(String id, DeviceType type, String profile, String transport, Location location, Grid grid) {
}
