package org.linli.gateway.health;

import io.vertx.core.json.JsonObject;
import org.linli.gateway.queue.QueueStats;
import org.linli.gateway.source.Source;
import org.linli.gateway.source.SourceStatus;
import org.linli.gateway.source.Sources;

import java.time.Clock;
import java.time.Duration;

/**
 * What {@code GET /health/ready} answers (docs/OPERATIONS.md): one component per registered {@link Source} (its
 * status is the source's state: STARTING, UP, DEGRADED, DOWN or STOPPED, plus the source's own readiness keys) and
 * one for the time-series writes ({@code influx}). Not ready (503) while a source the readiness depends on
 * ({@link Source#gatesReadiness()}: the MQTT broker connection) is not working (UP or DEGRADED), or while the
 * time-series server has been failing for so long that the oldest queued point is older than {@code maxQueueAge}.
 * Other sources (a bus, a camera) that are down are reported but keep the gateway ready: they raise their own
 * alerts, and taking the gateway out of service would not bring them back. The body holds states, counts and ages
 * only: the endpoint needs no login, so no URL, error text or secret goes into it. Event loop only.
 */
public final class Readiness {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";
    /** Writes fail but the queue holds the points and their age is within the limit. */
    public static final String RETRYING = "RETRYING";

    private final Sources sources;
    private final QueueStats queue;
    private final Clock clock;
    private final Duration maxQueueAge;

    public Readiness(Sources sources, QueueStats queue, Clock clock, Duration maxQueueAge) {
        this.sources = sources;
        this.queue = queue;
        this.clock = clock;
        this.maxQueueAge = maxQueueAge;
    }

    /** {@code {"status":"UP"|"DOWN", "components":{<each source>..., influx}}}. */
    public JsonObject check() {
        JsonObject components = new JsonObject();
        boolean ready = true;
        for (Source s : sources.all()) {
            SourceStatus status = s.status();
            components.put(s.name(), new JsonObject().put("status", status.state().name())
                    .put("since", status.since().toString()).mergeIn(s.readiness()));
            ready &= !s.gatesReadiness() || status.state().working();
        }
        JsonObject influxPart = influx();
        components.put("influx", influxPart);
        ready &= !DOWN.equals(influxPart.getString("status"));
        return new JsonObject().put("status", ready ? UP : DOWN).put("components", components);
    }

    private JsonObject influx() {
        double age = queue.oldestUnackedSeconds(clock.millis());
        String status = !queue.writesFailing() ? UP : age > maxQueueAge.toSeconds() ? DOWN : RETRYING;
        return new JsonObject()
                .put("status", status)
                .put("queuedPoints", queue.depthPoints())
                .put("oldestQueuedSeconds", age)
                .put("maxQueueAgeSeconds", maxQueueAge.toSeconds())
                .put("lastStatus", queue.writesFailing() ? queue.lastStatus() : null);
    }
}
