package org.linli.sim.demo;

import io.vertx.core.json.JsonObject;

/** One line of counters for the demo's console, every 20 s. */
final class StatusLine {
    private StatusLine() {
    }

    static String of(JsonObject s) {
        JsonObject p = s.getJsonObject("pipeline");
        JsonObject q = s.getJsonObject("queue");
        return String.format("mqtt %s | messages in %d, readings %d, events %d, rejected %d | points written %d, queued on disk %d | devices heard %d/%d",
                s.getJsonObject("mqtt").getString("state"), p.getJsonObject("receivedBySource").getLong("mqtt", 0L),
                p.getLong("readings"), p.getLong("events"), p.getLong("rejected"), q.getLong("acceptedPoints"),
                q.getLong("depthPoints"), s.getLong("devicesHeardFrom"), s.getLong("devices"));
    }
}
