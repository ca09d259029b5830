package org.linli.gateway.uplink;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertState;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.config.UplinkOptions;
import org.linli.gateway.pipeline.DeviceActivity;
import org.linli.gateway.queue.QueueStats;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.source.Source;
import org.linli.gateway.source.SourceStatus;
import org.linli.gateway.source.Sources;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The compound's health as the centre sees it on {@code .../summary} (docs/CENTRE.md, contract of issue 12): devices
 * expected, heard and offline (the devices with an offline alert that is not cleared or settled), each source's
 * state, the time-series queue's depth and age, the uplink outbox's depth and the number of open alerts. Also the
 * will and the farewell of a clean stop, which replace it on the same retained topic. Built on the gateway's event
 * loop from what the gateway already holds; {@link #will} and {@link #stopped} are pure.
 */
public final class CompoundSummary {
    /** At most this many offline device ids are listed; {@code offline} counts them all. */
    static final int MAX_OFFLINE_IDS = 50;
    private static final Set<AlertType> OFFLINE_TYPES = Set.of(AlertType.DEVICE_OFFLINE, AlertType.CAMERA_OFFLINE);

    private final UplinkOptions options;
    private final String compoundName;
    private final Instant startedAt;
    private final SiteDirectory site;
    private final DeviceActivity activity;
    private final Sources sources;
    private final QueueStats queue;
    private final UplinkOutbox outbox;
    private final AlertService alerts;
    private final Clock clock;
    private final UnaryOperator<String> scrub;

    /**
     * {@code scrub} removes configured secret values from the text (a source's reason may quote what it connects
     * to), as for {@code /api/status}.
     */
    public CompoundSummary(UplinkOptions options, String compoundName, SiteDirectory site, DeviceActivity activity,
                           Sources sources, QueueStats queue, UplinkOutbox outbox, AlertService alerts, Clock clock,
                           UnaryOperator<String> scrub) {
        this.options = options;
        this.compoundName = compoundName;
        this.site = site;
        this.activity = activity;
        this.sources = sources;
        this.queue = queue;
        this.outbox = outbox;
        this.alerts = alerts;
        this.clock = clock;
        this.scrub = scrub;
        this.startedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The summary now, {@code reachable: true}, secrets scrubbed. */
    public JsonObject build() {
        return new JsonObject(scrub.apply(unscrubbed().encode()));
    }

    private JsonObject unscrubbed() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Alert> all = alerts.list();
        List<String> offline = all.stream()
                .filter(a -> OFFLINE_TYPES.contains(a.type()) && a.deviceId() != null)
                .filter(a -> !a.state().isSettled() && a.state() != AlertState.DEVICE_CLEARED)
                .map(Alert::deviceId).distinct().sorted().toList();
        JsonArray src = new JsonArray();
        for (Source s : sources.all()) {
            SourceStatus st = s.status();
            src.add(new JsonObject().put("name", s.name()).put("kind", s.name()).put("state", st.state().name())
                    .put("reason", st.reason().isEmpty() ? null : st.reason()));
        }
        long depth = queue.depthPoints();
        return head(options, now).put("compoundName", compoundName).put("reachable", true)
                .put("startedAt", startedAt.toString())
                .put("devices", new JsonObject().put("expected", site.devices().size())
                        .put("heard", activity.heardFrom()).put("offline", offline.size())
                        .put("offlineIds", new JsonArray(offline.subList(0, Math.min(MAX_OFFLINE_IDS, offline.size())))))
                .put("sources", src)
                .put("queue", new JsonObject().put("depth", depth)
                        .put("oldestAgeSeconds", depth == 0 ? -1 : (long) queue.oldestUnackedSeconds(now.toEpochMilli())))
                .put("outbox", new JsonObject().put("depth", outbox.depth()))
                .put("openAlerts", all.stream().filter(a -> !a.state().isTerminal()).count());
    }

    /** The will set at connect: the broker publishes it (retained) when the gateway's connection dies. */
    public static JsonObject will(UplinkOptions options, Instant connectedAt) {
        return head(options, connectedAt).put("reachable", false).put("reason", "will");
    }

    /** What a clean stop leaves on the topic: the last summary, {@code reachable: false, reason: "stopped"}. */
    public static JsonObject stopped(UplinkOptions options, JsonObject last, Instant at) {
        JsonObject base = last == null ? head(options, at) : last.copy();
        return base.put("reachable", false).put("reason", "stopped").put("at", at.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    private static JsonObject head(UplinkOptions options, Instant at) {
        return new JsonObject().put("v", 1).put("street", options.street()).put("community", options.community())
                .put("compound", options.compound()).put("at", at.truncatedTo(ChronoUnit.MILLIS).toString());
    }
}
