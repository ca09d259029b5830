package org.linli.gateway.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When each device was last heard from. The heartbeat rules (issue 5) read it; the status API and the console's
 * device tiles show it. The times changed since the last {@link #takeChanged()} are kept apart, so the gateway can
 * write them to {@link DeviceLastSeenFile} in one batch a minute instead of on every reading; {@link #restore} takes
 * back what the file held at start. Event-loop confined.
 * <p>
 * {@link #seen} runs for every message: one map lookup finds the device's entry, updated in place and marked
 * changed, instead of a merge into one map and a put into another (~15 % of the event loop's samples at 25,000
 * messages a second, BENCHMARKS issue 15).
 */
public final class DeviceActivity {
    /** A device's newest time, and whether it changed since the last {@link #takeChanged()}. */
    private static final class Seen {
        final String deviceId;
        Instant at;
        boolean changed;

        Seen(String deviceId, Instant at) {
            this.deviceId = deviceId;
            this.at = at;
        }
    }

    private final Map<String, Seen> lastSeen = new HashMap<>();
    private final List<Seen> changed = new ArrayList<>();

    public void seen(String deviceId, Instant at) {
        Seen s = lastSeen.get(deviceId);
        if (s == null) {
            s = new Seen(deviceId, at);
            lastSeen.put(deviceId, s);
        } else if (at.isBefore(s.at)) {
            return;                                           // an older report: the newest time stays
        } else {
            s.at = at;
        }
        if (!s.changed) {
            s.changed = true;
            changed.add(s);
        }
    }

    /** Takes back stored times (from before a restart); a newer time already heard is kept. */
    public void restore(Map<String, Instant> stored) {
        stored.forEach((id, at) -> {
            Seen s = lastSeen.get(id);
            if (s == null) {
                lastSeen.put(id, new Seen(id, at));
            } else if (at.isAfter(s.at)) {
                s.at = at;
            }
        });
    }

    /** The devices heard from since the previous call, with their newest time; clears the set. */
    public Map<String, Instant> takeChanged() {
        Map<String, Instant> out = new LinkedHashMap<>();
        for (Seen s : changed) {
            out.put(s.deviceId, s.at);
            s.changed = false;
        }
        changed.clear();
        return out;
    }

    public Optional<Instant> lastSeen(String deviceId) {
        Seen s = lastSeen.get(deviceId);
        return s == null ? Optional.empty() : Optional.of(s.at);
    }

    public int heardFrom() {
        return lastSeen.size();
    }
}
