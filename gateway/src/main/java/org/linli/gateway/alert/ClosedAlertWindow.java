package org.linli.gateway.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which terminal alerts the alert service still holds in memory, in the order they became terminal, and which ones
 * to let go under an {@link AlertRetention}: those closed before {@code now - closedKeep}, and the oldest beyond
 * {@code closedInMemory}. The alerts let go stay in the store. Event-loop confined, like the service that owns it.
 */
final class ClosedAlertWindow {
    private final AlertRetention retention;
    private final LinkedHashMap<String, Instant> closedAt = new LinkedHashMap<>();

    ClosedAlertWindow(AlertRetention retention) {
        this.retention = retention;
    }

    AlertRetention retention() {
        return retention;
    }

    /** Notes that {@code id} became terminal at {@code at} (a later version of it keeps its first place). */
    void closed(String id, Instant at) {
        closedAt.putIfAbsent(id, at);
    }

    /** The ids to let go now, oldest closed first; they are forgotten here. */
    List<String> evict(Instant now) {
        List<String> out = new ArrayList<>();
        Instant oldestKept = now.minus(retention.closedKeep());
        Iterator<Map.Entry<String, Instant>> it = closedAt.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Instant> e = it.next();
            if (closedAt.size() <= retention.closedInMemory() && !e.getValue().isBefore(oldestKept)) {
                break;   // in order of closing: the rest are younger
            }
            out.add(e.getKey());
            it.remove();
        }
        return out;
    }

    int size() {
        return closedAt.size();
    }
}
