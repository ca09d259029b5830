package org.linli.gateway.pipeline;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** When each device was last heard from. The heartbeat rules (issue 5) read it; the status API shows it. */
public final class DeviceActivity {
    private final Map<String, Instant> lastSeen = new HashMap<>();

    public void seen(String deviceId, Instant at) {
        lastSeen.merge(deviceId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    public Optional<Instant> lastSeen(String deviceId) {
        return Optional.ofNullable(lastSeen.get(deviceId));
    }

    public int heardFrom() {
        return lastSeen.size();
    }
}
