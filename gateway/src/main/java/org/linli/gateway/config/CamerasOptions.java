package org.linli.gateway.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code cameras:} section: the cameras, the time zone motion windows are written in (Asia/Shanghai unless
 * given), snapshot limits, and the longest wait between reconnect attempts to an unreachable camera.
 */
public record CamerasOptions(String timeZone, Integer reconnectMaxSeconds, SnapshotOptions snapshots,
                             List<CameraConfig> devices) {
    public CamerasOptions {
        timeZone = timeZone == null || timeZone.isBlank() ? "Asia/Shanghai" : timeZone;
        reconnectMaxSeconds = reconnectMaxSeconds == null ? 60 : reconnectMaxSeconds;
        snapshots = snapshots == null ? SnapshotOptions.defaults() : snapshots;
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    /** No cameras: the section's default when the file has none. */
    public static CamerasOptions none() {
        return new CamerasOptions(null, null, null, List.of());
    }

    /** These cameras, every other setting at its default. */
    public static CamerasOptions of(List<CameraConfig> cameras) {
        return new CamerasOptions(null, null, null, cameras);
    }

    public CamerasOptions withReconnectMaxSeconds(int seconds) {
        return new CamerasOptions(timeZone, seconds, snapshots, devices);
    }

    public CamerasOptions withSnapshots(SnapshotOptions s) {
        return new CamerasOptions(timeZone, reconnectMaxSeconds, s, devices);
    }

    /** Camera id → the name people read (the id when none is given): the console's snapshot captions. */
    public Map<String, String> names() {
        Map<String, String> out = new LinkedHashMap<>();
        devices.forEach(c -> out.put(c.id(), c.name() == null ? c.id() : c.name()));
        return out;
    }
}
