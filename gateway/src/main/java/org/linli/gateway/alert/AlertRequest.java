package org.linli.gateway.alert;

import org.linli.gateway.site.Device;
import org.linli.gateway.site.Location;

/**
 * What a rule or a supervisor asks the alert service to raise. {@code key} identifies the condition (one open alert
 * per key: {@code AlertKey.device("gas-3-2-501", GAS_LEAK)}, {@code AlertKey.bus("meters-7")}); {@code location} may
 * be null (nowhere in a building), {@code device} may be null (a place or a connection).
 */
public record AlertRequest(AlertKey key, AlertType type, Severity severity, Location location, Device device, String detail) {
    public AlertRequest {
        java.util.Objects.requireNonNull(key, "key");
        java.util.Objects.requireNonNull(type, "type");
        java.util.Objects.requireNonNull(severity, "severity");
    }
}
