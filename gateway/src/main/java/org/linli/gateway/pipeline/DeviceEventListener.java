package org.linli.gateway.pipeline;

import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.Reading;
import org.linli.gateway.site.Device;

import java.util.List;

/** Receives every decoded event (and, if it wants them, the readings) of a known device, on the event loop. */
@FunctionalInterface
public interface DeviceEventListener {
    void onEvent(Device device, DeviceEvent event);

    /** The readings of one message; the alert rules use gas concentration and water totals. Ignored by default. */
    default void onReadings(Device device, List<Reading> readings) {
    }
}
