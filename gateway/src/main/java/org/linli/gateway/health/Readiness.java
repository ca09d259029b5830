package org.linli.gateway.health;

import io.vertx.core.json.JsonObject;
import org.linli.gateway.camera.CameraStatus;
import org.linli.gateway.camera.Cameras;
import org.linli.gateway.mqtt.MqttIngest;
import org.linli.gateway.queue.QueueStats;
import org.linli.gateway.serial.LinkState;
import org.linli.gateway.serial.SerialSources;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code GET /health/ready} answers (docs/OPERATIONS.md). Not ready (503) while the gateway cannot do its job
 * for the whole compound: the MQTT broker is not connected (no device message arrives), or the time-series server
 * has been failing for so long that the oldest queued point is older than {@code maxQueueAge}. A serial bus or a
 * camera that is down is reported but keeps the gateway ready: it raises its own alert, and taking the gateway out of
 * service would not bring it back. The body holds states, counts and ages only: the endpoint needs no login, so no
 * URL, error text or secret goes into it. Event loop only.
 */
public final class Readiness {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";
    /** Writes fail but the queue holds the points and their age is within the limit. */
    public static final String RETRYING = "RETRYING";
    /** Part of the component is down (a bus, a camera); the gateway stays ready. */
    public static final String DEGRADED = "DEGRADED";

    private final MqttIngest mqtt;
    private final QueueStats queue;
    private final SerialSources serial;
    private final Cameras cameras;
    private final Clock clock;
    private final Duration maxQueueAge;

    public Readiness(MqttIngest mqtt, QueueStats queue, SerialSources serial, Cameras cameras, Clock clock,
                     Duration maxQueueAge) {
        this.mqtt = mqtt;
        this.queue = queue;
        this.serial = serial;
        this.cameras = cameras;
        this.clock = clock;
        this.maxQueueAge = maxQueueAge;
    }

    /** {@code {"status":"UP"|"DOWN", "components":{mqtt, influx, serial, cameras}}}. */
    public JsonObject check() {
        JsonObject mqttPart = mqtt();
        JsonObject influxPart = influx();
        boolean ready = UP.equals(mqttPart.getString("status")) && !DOWN.equals(influxPart.getString("status"));
        return new JsonObject()
                .put("status", ready ? UP : DOWN)
                .put("components", new JsonObject()
                        .put("mqtt", mqttPart)
                        .put("influx", influxPart)
                        .put("serial", serial())
                        .put("cameras", cameras()));
    }

    private JsonObject mqtt() {
        MqttIngest.State state = mqtt.state();
        return new JsonObject().put("status", state == MqttIngest.State.CONNECTED ? UP : DOWN).put("state", state.name());
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

    private JsonObject serial() {
        JsonObject buses = new JsonObject();
        boolean allOnline = true;
        for (String bus : serial.busNames()) {
            LinkState state = serial.busState(bus);
            buses.put(bus, state.name());
            allOnline &= state != LinkState.OFFLINE;
        }
        return new JsonObject().put("status", allOnline ? UP : DEGRADED).put("buses", buses);
    }

    private JsonObject cameras() {
        Map<CameraStatus, Long> counts = cameras.statusCounts();
        boolean usable = counts.get(CameraStatus.OFFLINE) + counts.get(CameraStatus.NOT_AUTHORIZED)
                + counts.get(CameraStatus.EVENTS_STALE) == 0;
        JsonObject out = new JsonObject().put("status", usable ? UP : DEGRADED);
        counts.forEach((status, n) -> out.put(status.name().toLowerCase(Locale.ROOT), n));
        return out;
    }
}
