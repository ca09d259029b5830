package org.linli.centre.escalation;

import io.vertx.core.json.JsonObject;
import org.linli.centre.broker.Intake;

import java.util.HashMap;
import java.util.Map;

/**
 * Which (compound, alert id) the street robots were already told of, and up to which escalation level: filled from
 * this replica's own notifications and from every replica's retained markers
 * {@code linli/v1/centre/notified/{compound}/{alertId}} ({@code {"level": n}}). Event-loop confined.
 */
public final class NotifiedLedger {
    private final Map<String, Integer> levels = new HashMap<>();

    /** True when level {@code level} (or a higher one) of this alert was notified already. */
    public boolean covers(String compound, String alertId, int level) {
        return levels.getOrDefault(compound + "/" + alertId, 0) >= level;
    }

    public void record(String compound, String alertId, int level) {
        levels.merge(compound + "/" + alertId, level, Math::max);
    }

    /** A marker from the broker (event loop); an empty (cleared) marker changes nothing. */
    public void onMarker(String topic, JsonObject payload) {
        String rest = topic.substring(Intake.NOTIFIED.length());
        int slash = rest.indexOf('/');
        if (payload == null || slash <= 0 || !(payload.getValue("level") instanceof Number n)) {
            return;
        }
        record(rest.substring(0, slash), rest.substring(slash + 1), n.intValue());
    }

    public static String markerTopic(String compound, String alertId) {
        return Intake.NOTIFIED + compound + "/" + alertId;
    }

    public int size() {
        return levels.size();
    }
}
