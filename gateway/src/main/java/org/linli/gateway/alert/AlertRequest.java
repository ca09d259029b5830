package org.linli.gateway.alert;

import org.linli.gateway.site.Device;
import org.linli.gateway.site.Location;

/**
 * What a rule or a supervisor asks the alert service to raise. {@code key} identifies the condition (one open alert
 * per key: {@code gas-3-2-501/GAS_LEAK}, {@code bus:/dev/ttyUSB0}, {@code camera:cam-7-gate/CAMERA_OFFLINE});
 * {@code location} may be null, {@code device} may be null.
 */
public record AlertRequest(String key, AlertType type, Severity severity, Location location, Device device, String detail) {
}
