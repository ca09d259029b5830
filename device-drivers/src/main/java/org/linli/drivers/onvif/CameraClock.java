package org.linli.drivers.onvif;

import java.time.Duration;
import java.time.Instant;

/**
 * The camera's idea of "now". Cameras without NTP drift by minutes, and most reject a WS-Security Created time
 * that is too far from their own clock, so the offset measured by GetSystemDateAndTime is applied to it.
 */
public final class CameraClock {
    private volatile Duration offset = Duration.ZERO;

    /**
     * Sets the offset from one GetSystemDateAndTime exchange, taking the camera's answer as the midpoint of the
     * round trip (camera clocks have one-second resolution, so this is good to about a second).
     */
    public Duration calibrate(Instant sentAt, Instant cameraTime, Instant receivedAt) {
        Instant midpoint = sentAt.plus(Duration.between(sentAt, receivedAt).dividedBy(2));
        offset = Duration.between(midpoint, cameraTime);
        return offset;
    }

    public Instant now() {
        return Instant.now().plus(offset);
    }
}
