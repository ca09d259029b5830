package org.linli.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.linli.gateway.camera.CameraStatus;
import org.linli.gateway.camera.Cameras;

/** How many cameras are in each status (docs/CAMERAS.md); their events are counted with the pipeline's messages. */
public final class CameraMeters {
    private CameraMeters() {
    }

    /** Registers meters that read their values from the component at scrape time (on the event loop). */
    public static void register(MeterRegistry registry, Cameras cameras) {
        for (CameraStatus status : CameraStatus.values()) {
            Gauge.builder("linli.cameras", cameras, c -> c.statusCounts().get(status))
                    .description("Cameras by status").tag("status", status.name()).register(registry);
        }
    }
}
