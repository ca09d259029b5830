package org.linli.gateway.queue;

/**
 * The two classes of data in the queue, each its own log of segments with its own acknowledged position.
 * {@link #EVENTS} holds every {@code device_event} point (alarms, clears, tamper, low battery...): few, small, and
 * never dropped by the quota; the forwarder drains it first. {@link #TELEMETRY} holds the periodic readings and is
 * what the quota drops, oldest segment first.
 */
public enum Lane {
    EVENTS("events"),
    TELEMETRY("telemetry");

    private final String dir;

    Lane(String dir) {
        this.dir = dir;
    }

    public String dir() {
        return dir;
    }

    /** Device events are recognised by their measurement (docs/SCHEMA.md): the line starts with it. */
    static Lane of(String line) {
        return line.startsWith("device_event,") || line.startsWith("device_event ") ? EVENTS : TELEMETRY;
    }
}
