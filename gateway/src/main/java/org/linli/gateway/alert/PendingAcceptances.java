package org.linli.gateway.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Alerts waiting to be accepted, each with the instant it escalates (the shape of Hono's PendingPubAcks: id → what
 * we wait for and until when, nothing else). Driven by a clock: {@link #expired} is called by a periodic timer in
 * the gateway and directly by tests. Event-loop confined.
 */
final class PendingAcceptances {
    private record Entry(Instant deadline, String alertId) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = deadline.compareTo(o.deadline);
            return c != 0 ? c : alertId.compareTo(o.alertId);
        }
    }

    private final TreeSet<Entry> byDeadline = new TreeSet<>();
    private final Map<String, Entry> byId = new HashMap<>();

    /** Waits for {@code alertId} until {@code deadline}, replacing an earlier wait; a null deadline settles it. */
    void await(String alertId, Instant deadline) {
        settle(alertId);
        if (deadline != null) {
            Entry e = new Entry(deadline, alertId);
            byDeadline.add(e);
            byId.put(alertId, e);
        }
    }

    /** Accepted, dismissed or no longer escalating: stop waiting. */
    void settle(String alertId) {
        Entry e = byId.remove(alertId);
        if (e != null) {
            byDeadline.remove(e);
        }
    }

    /** Removes and returns the alerts whose deadline is at or before {@code now}, earliest first. */
    List<String> expired(Instant now) {
        List<String> out = new ArrayList<>();
        while (!byDeadline.isEmpty() && !byDeadline.first().deadline().isAfter(now)) {
            Entry e = byDeadline.pollFirst();
            byId.remove(e.alertId());
            out.add(e.alertId());
        }
        return out;
    }

    int size() {
        return byId.size();
    }
}
