package org.linli.gateway.notify;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertListener;
import org.linli.gateway.alert.Severity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends alerts to people and systems (docs/NOTIFY.md). Listens to every alert version; the repeat policy decides
 * which versions reach people, each channel's filter (grids, minimum severity) decides where, and each channel's
 * dispatcher paces, digests, retries and falls back. Machine feeds (an MQTT channel on its own topic) get every version
its filters take; the alerts topic itself is {@link AlertsTopicFeed}'s. Event-loop confined.
 */
public final class Notifier implements AlertListener {
    /** A channel with the alerts it takes. */
    record Route(ChannelDispatcher dispatcher, Set<String> grids, Severity minSeverity, boolean machineFeed,
                 boolean fallbackOnly) {
        boolean accepts(Alert a) {
            if (fallbackOnly) {
                return false;
            }
            if (a.severity().compareTo(minSeverity) > 0) {
                return false;
            }
            return grids.isEmpty() || (a.gridId() != null && grids.contains(a.gridId()));
        }
    }

    private final List<Route> routes;
    private final RepeatPolicy policy;
    private final DeliveryLog log;

    Notifier(List<Route> routes, RepeatPolicy policy, DeliveryLog log) {
        this.routes = List.copyOf(routes);
        this.policy = policy;
        this.log = log;
    }

    @Override
    public void onAlert(Alert alert, boolean isNew) {
        boolean toPeople = policy.shouldNotify(alert, isNew);
        for (Route r : routes) {
            if (!r.accepts(alert)) {
                continue;
            }
            if (r.machineFeed() || toPeople) {
                r.dispatcher().submit(alert, !isNew);
            }
        }
    }

    /**
     * After a restart: messages still queued or being retried were in memory and are gone, so every alert still
     * waiting for acceptance is sent once more to the people's channels, as a reminder (【再次报警】…（持续未处理）).
     * Machine feeds are left alone. Later repeats of these alerts then follow the quiet period from {@code now}.
     */
    public void remindAfterRestart(List<Alert> restored, java.time.Instant now) {
        for (Alert a : restored) {
            if (!a.state().awaitingAcceptance()) {
                continue; // someone has it in hand
            }
            policy.notified(a, now);
            for (Route r : routes) {
                if (!r.machineFeed() && r.accepts(a)) {
                    r.dispatcher().submit(a, true);
                }
            }
        }
    }

    /** Every attempt about this alert, oldest first (empty if none). */
    public JsonArray deliveries(String alertId) {
        return log.toJson(alertId);
    }

    /** Per channel: queues, pause, and counters by outcome; for {@code /api/status}. */
    public JsonObject status() {
        JsonObject channels = new JsonObject();
        routes.forEach(r -> channels.put(r.dispatcher().id(), r.dispatcher().status()));
        return new JsonObject().put("channels", channels);
    }

    /** The channel ids, in config order. */
    public List<String> channelIds() {
        return routes.stream().map(r -> r.dispatcher().id()).toList();
    }

    /**
     * Messages by outcome, per channel: every outcome of {@link DeliveryLog#OUTCOMES} present, 0 when none. A digest
     * is one message; a retried message counts once per attempt.
     */
    public Map<String, Map<String, Long>> outcomesByChannel() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (String channel : channelIds()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            DeliveryLog.OUTCOMES.forEach(o -> counts.put(o, log.counter(channel, o)));
            out.put(channel, counts);
        }
        return out;
    }

    /** True when no channel has anything queued or in flight. */
    public boolean idle() {
        return routes.stream().allMatch(r -> r.dispatcher().idle());
    }
}
