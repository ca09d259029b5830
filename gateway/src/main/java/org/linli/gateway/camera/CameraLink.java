package org.linli.gateway.camera;

import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.onvif.CameraDescription;
import org.linli.drivers.onvif.OnvifErrorKind;
import org.linli.drivers.onvif.OnvifException;
import org.linli.gateway.config.CameraConfig;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.Location;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * One configured camera in the running gateway: its supervisor (own thread), its health (event loop) and its
 * device in the pipeline. Implements the supervisor's observer by hopping every report onto the event loop.
 */
public final class CameraLink implements CameraObserver {
    private final CameraConfig config;
    private final Device device;
    private final List<Location> covers;
    private final Context eventLoop;
    private final Pipeline pipeline;
    private final CameraHealth health;
    private final Clock clock;
    private CameraSupervisor supervisor;
    private volatile String model = "";

    CameraLink(CameraConfig config, Device device, Context eventLoop, Pipeline pipeline, CameraHealth health, Clock clock) {
        this.config = config;
        this.device = device;
        this.covers = config.covers().stream().map(Location::parse).toList();
        this.eventLoop = eventLoop;
        this.pipeline = pipeline;
        this.health = health;
        this.clock = clock;
    }

    void attach(CameraSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    public String id() {
        return config.id();
    }

    public List<Location> covers() {
        return covers;
    }

    public CameraSupervisor supervisor() {
        return supervisor;
    }

    public CameraHealth health() {
        return health;
    }

    @Override
    public void onConnected(CameraDescription d) {
        model = d.deviceInformation().manufacturer() + " " + d.deviceInformation().model();
        eventLoop.runOnContext(v -> health.connected());
    }

    @Override
    public void onConnectFailed(OnvifException e) {
        boolean refused = e.kind() == OnvifErrorKind.NOT_AUTHORIZED || e.kind() == OnvifErrorKind.INSECURE_AUTH;
        CameraStatus why = refused ? CameraStatus.NOT_AUTHORIZED : CameraStatus.OFFLINE;
        String text = e.kind() + ": " + e.getMessage()
                + (e.kind() == OnvifErrorKind.NOT_AUTHORIZED ? " (check username and $" + config.passwordEnv() + ")" : "");
        eventLoop.runOnContext(v -> health.connectFailed(why, text));
    }

    @Override
    public void onSubscribed(URI address) {
        eventLoop.runOnContext(v -> health.subscribed(address.toString()));
    }

    @Override
    public void onEventsChannelAlive() {
        eventLoop.runOnContext(v -> health.alive());
    }

    @Override
    public void onEvents(List<DeviceEvent> events) {
        eventLoop.runOnContext(v -> {
            health.events(clock.instant());
            pipeline.acceptDecoded("onvif", config.id(), device, Decoded.of(List.of(), events), clock.instant());
        });
    }

    @Override
    public void onSessionLost(OnvifException e) {
        eventLoop.runOnContext(v -> health.sessionLost(e.kind() + ": " + e.getMessage()));
    }

    /** Event loop only. */
    JsonObject toJson() {
        return health.toJson().put("id", config.id()).put("name", config.name()).put("xaddr", config.xaddr())
                .put("model", model).put("topicProfile", config.model()).put("location", device.location().toString())
                .put("counters", supervisor == null ? null : supervisor.counters().toJson());
    }
}
