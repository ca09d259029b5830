package org.linli.gateway.serial;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.site.Device;
import org.linli.gateway.source.Source;
import org.linli.gateway.source.SourceState;
import org.linli.gateway.source.SourceStatus;
import org.linli.gateway.source.StatusTracker;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The RS-485 buses as one {@link Source}: each bus is the parent of the meters it polls (up unless OFFLINE). Its
 * status: UP with no bus or every bus ONLINE, STARTING while a bus has not finished its first cycle, DEGRADED while
 * some bus is OFFLINE, DOWN while all are; the reason names the offline buses and why. A bus down raises its own
 * alert ({@link BusSupervisor}), so the gateway's readiness does not depend on it. Event-loop confined; stopping
 * joins the poller threads on a worker.
 */
public final class SerialSource implements Source {
    public static final String NAME = "serial";

    private final SerialSources serial;
    private final Vertx vertx;
    private final StatusTracker tracker;

    public SerialSource(SerialSources serial, Vertx vertx, Clock clock) {
        this.serial = serial;
        this.vertx = vertx;
        this.tracker = new StatusTracker(clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Future<Void> start() {
        serial.start();
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        return vertx.executeBlocking(() -> {
            serial.stop();
            return null;
        });
    }

    @Override
    public SourceStatus status() {
        List<String> buses = serial.busNames();
        List<String> offline = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String bus : buses) {
            LinkState state = serial.busState(bus);
            if (state == LinkState.OFFLINE) {
                offline.add(bus + " OFFLINE: " + serial.busDetail(bus));
            } else if (state == LinkState.UNKNOWN) {
                unknown.add(bus);
            }
        }
        if (!offline.isEmpty()) {
            return tracker.observe(offline.size() == buses.size() ? SourceState.DOWN : SourceState.DEGRADED,
                    String.join("; ", offline));
        }
        if (!unknown.isEmpty()) {
            return tracker.observe(SourceState.STARTING, "no poll cycle finished yet on " + unknown);
        }
        return tracker.observe(SourceState.UP, buses.isEmpty() ? "no RS-485 bus configured"
                : buses.size() + " bus(es) polling");
    }

    @Override
    public boolean isParentOf(Device device) {
        return NAME.equals(device.transport()) && serial.busOf(device.id()).isPresent();
    }

    @Override
    public boolean isParentUp(Device device) {
        return serial.busOf(device.id()).map(bus -> serial.busState(bus) != LinkState.OFFLINE).orElse(true);
    }

    @Override
    public Object details() {
        return serial.status();
    }

    /** {@code buses}: each bus's state (UNKNOWN, ONLINE, OFFLINE). */
    @Override
    public JsonObject readiness() {
        JsonObject buses = new JsonObject();
        serial.busNames().forEach(bus -> buses.put(bus, serial.busState(bus).name()));
        return new JsonObject().put("buses", buses);
    }
}
