package org.linli.gateway.pipeline;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When each device was last heard from. The heartbeat rules (issue 5) read it; the status API and the console's
 * device tiles show it. The times changed since the last {@link #takeChanged()} are kept apart, so the gateway can
 * write them to {@link DeviceLastSeenFile} in one batch a minute instead of on every reading; {@link #restore} takes
 * back what the file held at start. Event-loop confined.
 */
public final class DeviceActivity {
    private final Map<String, Instant> lastSeen = new HashMap<>();
    private Map<String, Instant> changed = new HashMap<>();

    public void seen(String deviceId, Instant at) {
        Instant newest = lastSeen.merge(deviceId, at, (a, b) -> a.isAfter(b) ? a : b);
        if (newest == at) {
            changed.put(deviceId, at);
        }
    }

    /** Takes back stored times (from before a restart); a newer time already heard is kept. */
    public void restore(Map<String, Instant> stored) {
        stored.forEach((id, at) -> lastSeen.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
    }

    /** The devices heard from since the previous call, with their newest time; clears the set. */
    public Map<String, Instant> takeChanged() {
        Map<String, Instant> out = changed;
        changed = new HashMap<>();
        return out;
    }

    public Optional<Instant> lastSeen(String deviceId) {
        return Optional.ofNullable(lastSeen.get(deviceId));
    }

    public int heardFrom() {
        return lastSeen.size();
    }
}
