package org.linli.gateway.source;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.site.Device;

/**
 * A transport that brings device data into the gateway (docs/ARCHITECTURE.md, "Sources"): MQTT ingest, the RS-485
 * buses, the cameras, or one a deployment adds with {@code Gateway.withSource}. The gateway starts, stops, reports
 * and asks it about parents through this contract only, through the {@link Sources} registry.
 * <p>
 * Every method is called on the gateway's event-loop context; a source that blocks (ports, ONVIF calls) does so on
 * its own threads and hops back with {@code context.runOnContext}.
 */
public interface Source {
    /** Its key in {@code /api/status}, in the components of {@code /health/ready} and the {@code source} label. */
    String name();

    /**
     * Starts it. Completes once it is running, not once its peer answers: a source retries an absent broker, bus or
     * camera on its own. Fails only when it cannot run at all (its port taken); it then reports DOWN with the reason,
     * and the gateway goes on without it.
     */
    Future<Void> start();

    /** Stops it and releases what it holds; completes when its threads and connections are gone. */
    Future<Void> stop();

    /** Its state in the one vocabulary, with the reason and since when. */
    SourceStatus status();

    /**
     * Whether the gateway is ready only while this source is working (UP or DEGRADED): the MQTT broker connection,
     * which every MQTT device depends on. A bus or a camera raises its own alert instead.
     */
    default boolean gatesReadiness() {
        return false;
    }

    /** Whether this source is the connection {@code device} reports through (its parent, openHAB's bridge). */
    default boolean isParentOf(Device device) {
        return false;
    }

    /**
     * Whether the parent connection of {@code device} (one it {@link #isParentOf}) is up. While it is down the
     * heartbeat rule raises nothing for the device: its silence says nothing about the device.
     */
    default boolean isParentUp(Device device) {
        return true;
    }

    /** Its block in {@code /api/status}: a JsonObject or a JsonArray (the cameras' list). */
    Object details();

    /**
     * Extra keys of its component in {@code /health/ready}, beside {@code status}: states, counts and ages only,
     * never a URL or an error text (the endpoint needs no login).
     */
    default JsonObject readiness() {
        return new JsonObject();
    }
}
