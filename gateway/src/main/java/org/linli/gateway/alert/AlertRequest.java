package org.linli.gateway.alert;

import org.linli.gateway.site.Device;
import org.linli.gateway.site.Location;

import java.time.Instant;

/**
 * What a rule or a supervisor asks the alert service to raise. {@code key} identifies the condition (one open alert
 * per key: {@code AlertKey.device("gas-3-2-501", GAS_LEAK)}, {@code AlertKey.bus("meters-7")}); {@code location} may
 * be null (nowhere in a building), {@code device} may be null (a place or a connection). {@code observedAt} is when the
 * device says it saw the condition (the time of its message); two requests with the same key and the same
 * {@code observedAt} are one report (a gas alarm's event and its concentration in one message) and count once. Null:
 * not tied to a device message, every request counts.
 */
public record AlertRequest(AlertKey key, AlertType type, Severity severity, Location location, Device device,
                           String detail, Instant observedAt) {
    public AlertRequest {
        java.util.Objects.requireNonNull(key, "key");
        java.util.Objects.requireNonNull(type, "type");
        java.util.Objects.requireNonNull(severity, "severity");
    }

    /** A request not tied to one device message: each one counts. */
    public AlertRequest(AlertKey key, AlertType type, Severity severity, Location location, Device device,
                        String detail) {
        this(key, type, severity, location, device, detail, null);
    }
}
