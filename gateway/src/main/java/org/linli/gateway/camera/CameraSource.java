package org.linli.gateway.camera;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.source.Source;
import org.linli.gateway.source.SourceState;
import org.linli.gateway.source.SourceStatus;
import org.linli.gateway.source.StatusTracker;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ONVIF cameras as one {@link Source}. A camera is a device with its own connection, not the parent of other
 * devices: its CAMERA_OFFLINE / CAMERA_EVENTS_STALE alerts come from {@link CameraHealth}, so it is the parent of
 * none and the gateway's readiness does not depend on it. Its status: UP with no camera or every camera ONLINE,
 * STARTING while one is still CONNECTING, DEGRADED while some are OFFLINE, NOT_AUTHORIZED or EVENTS_STALE, DOWN
 * while none is usable. Event-loop confined.
 */
public final class CameraSource implements Source {
    public static final String NAME = "cameras";

    private final Cameras cameras;
    private final Context eventLoop;
    private final Pipeline pipeline;
    private final StatusTracker tracker;

    public CameraSource(Cameras cameras, Context eventLoop, Pipeline pipeline, Clock clock) {
        this.cameras = cameras;
        this.eventLoop = eventLoop;
        this.pipeline = pipeline;
        this.tracker = new StatusTracker(clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Future<Void> start() {
        cameras.start(eventLoop, pipeline);
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        return cameras.stop();
    }

    @Override
    public SourceStatus status() {
        List<CameraLink> links = cameras.links();
        List<String> troubled = new ArrayList<>();
        int unusable = 0;
        boolean connecting = false;
        for (CameraLink l : links) {
            CameraStatus s = l.health().status();
            if (s.unusable() || s == CameraStatus.EVENTS_STALE) {
                unusable += s.unusable() ? 1 : 0;
                String error = l.health().toJson().getString("lastError");
                troubled.add(l.id() + " " + s + (error == null ? "" : ": " + error));
            }
            connecting |= s == CameraStatus.CONNECTING;
        }
        if (!troubled.isEmpty()) {
            return tracker.observe(unusable == links.size() ? SourceState.DOWN : SourceState.DEGRADED,
                    String.join("; ", troubled));
        }
        if (connecting) {
            return tracker.observe(SourceState.STARTING, "connecting to the cameras");
        }
        return tracker.observe(SourceState.UP, links.isEmpty() ? "no camera configured" : links.size() + " camera(s) online");
    }

    @Override
    public Object details() {
        return cameras.statusJson();
    }

    /** How many cameras are in each camera status ({@code connecting}, {@code online}, ...). */
    @Override
    public JsonObject readiness() {
        JsonObject out = new JsonObject();
        for (Map.Entry<CameraStatus, Long> e : cameras.statusCounts().entrySet()) {
            out.put(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
        }
        return out;
    }
}
