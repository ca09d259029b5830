package org.linli.gateway.rules;

import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.Reading;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.site.Device;

import java.time.Instant;
import java.util.Set;

/**
 * One alert rule. Event rules react to device events, reading rules to values, periodic rules to the passing of
 * time ({@link #check}, driven by a timer in the gateway and called directly in tests). All run on the event loop.
 */
public interface Rule {
    default void onEvent(Device device, DeviceEvent event) {
    }

    default void onReading(Device device, Reading reading) {
    }

    default void check(Instant now) {
    }

    /**
     * After a restart: {@code activeKeys} are the keys of restored alerts whose condition was still on (not cleared).
     * A rule that remembers what it raised takes its own back, so that it can clear them when the condition ends.
     */
    default void resume(Set<AlertKey> activeKeys) {
    }
}
