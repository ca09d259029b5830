package org.linli.gateway.source;

/**
 * The one status vocabulary of every source (openHAB's ONLINE / OFFLINE / UNKNOWN, with the two phases a gateway
 * also needs). The same names appear in {@code /api/status}, {@code /health/ready} and {@code linli_source_state}.
 */
public enum SourceState {
    /** Started, not yet working: connecting to the broker, a bus before its first poll cycle, a camera connecting. */
    STARTING,
    /** Doing its job for every device behind it. */
    UP,
    /** Working, but part of it is not: one bus of two offline, a camera unreachable, a subscription silent. */
    DEGRADED,
    /** Not working: the broker connection lost, every bus offline, its port taken. */
    DOWN,
    /** Stopped on purpose (the gateway is shutting down). */
    STOPPED;

    /** Whether the source does (at least part of) its job: what a readiness-gating source must be. */
    public boolean working() {
        return this == UP || this == DEGRADED;
    }
}
