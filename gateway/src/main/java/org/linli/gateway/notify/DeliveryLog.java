package org.linli.gateway.notify;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * In memory: every attempt to deliver every alert (channel, attempt, time, outcome, HTTP status, errcode), and
 * counters per channel and outcome. Keeps the most recent {@code maxAlerts} alerts' logs so memory stays bounded.
 */
final class DeliveryLog {
    /** Outcomes as logged: the attempt results plus what the dispatcher decided. */
    static final String DELIVERED = "DELIVERED";
    static final String RETRY = "RETRY";
    static final String THROTTLED = "THROTTLED";
    static final String REJECTED = "REJECTED";
    /** Attempts exhausted or rejected: given up on this channel. */
    static final String FAILED = "FAILED";
    /** Handed to the fallback channel because this one failed or is blocked. */
    static final String FORWARDED = "FORWARDED";
    static final List<String> OUTCOMES = List.of(DELIVERED, RETRY, THROTTLED, REJECTED, FAILED, FORWARDED);

    record Entry(String alertId, String channel, int attempt, Instant at, String outcome, int httpStatus,
                 Integer errcode, String detail, int alertsInMessage, String forwardedFrom) {
        JsonObject toJson() {
            return new JsonObject().put("channel", channel).put("attempt", attempt).put("at", at.toString())
                    .put("outcome", outcome).put("httpStatus", httpStatus == 0 ? null : httpStatus)
                    .put("errcode", errcode).put("detail", detail).put("alertsInMessage", alertsInMessage)
                    .put("forwardedFrom", forwardedFrom);
        }
    }

    private final int maxAlerts;
    private final Map<String, List<Entry>> byAlert;
    private final Map<String, Map<String, Long>> counters = new TreeMap<>();

    DeliveryLog(int maxAlerts) {
        this.maxAlerts = maxAlerts;
        this.byAlert = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Entry>> eldest) {
                return size() > DeliveryLog.this.maxAlerts;
            }
        };
    }

    /** Records one outcome for a message: one entry per alert in it, one count per message. */
    void record(Notice notice, String channel, int attempt, Instant at, String outcome, int httpStatus, Integer errcode,
                String detail) {
        for (var a : notice.alerts()) {
            byAlert.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(new Entry(a.id(), channel, attempt, at, outcome,
                    httpStatus, errcode, detail, notice.alerts().size(), notice.forwardedFrom()));
        }
        count(channel, outcome, 1);
        if (DELIVERED.equals(outcome)) {
            count(channel, "alertsDelivered", notice.alerts().size());
            if (notice.isDigest()) {
                count(channel, "digests", 1);
            }
        }
    }

    void count(String channel, String what, long n) {
        counters.computeIfAbsent(channel, k -> new TreeMap<>()).merge(what, n, Long::sum);
    }

    List<Entry> forAlert(String alertId) {
        return List.copyOf(byAlert.getOrDefault(alertId, List.of()));
    }

    JsonArray toJson(String alertId) {
        JsonArray out = new JsonArray();
        forAlert(alertId).forEach(e -> out.add(e.toJson()));
        return out;
    }

    long counter(String channel, String what) {
        return counters.getOrDefault(channel, Map.of()).getOrDefault(what, 0L);
    }

    JsonObject counters(String channel) {
        return new JsonObject(new LinkedHashMap<>(counters.getOrDefault(channel, Map.of())));
    }
}
