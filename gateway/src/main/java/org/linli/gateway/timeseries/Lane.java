package org.linli.gateway.timeseries;

/**
 * The two classes of points a sink may treat differently, chosen by the code that makes a point
 * ({@link PointFactory}), never recognised afterwards from the line's text. {@link #EVENTS} holds every
 * {@code device_event} point (alarms, clears, tamper, low battery...): few, small, never dropped by the durable
 * queue's quota and forwarded first. {@link #TELEMETRY} holds the periodic readings, which the quota drops oldest
 * first (docs/QUEUE.md).
 */
public enum Lane {
    EVENTS,
    TELEMETRY
}
