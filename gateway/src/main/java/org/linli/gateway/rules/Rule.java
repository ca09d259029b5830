package org.linli.gateway.rules;

import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.Reading;
import org.linli.gateway.site.Device;

import java.time.Instant;

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
}
