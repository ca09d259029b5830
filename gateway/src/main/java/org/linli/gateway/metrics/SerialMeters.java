package org.linli.gateway.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.linli.gateway.serial.LinkState;
import org.linli.gateway.serial.SerialSources;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The RS-485 buses (docs/SERIAL.md): each bus's state as a state set (1 for the current state, 0 for the others),
 * its devices by state, and failed polls by reason (no reply, bad checksum, ...).
 */
public final class SerialMeters implements MeterSet {
    private static final List<LinkState> BUS_STATES = List.of(LinkState.UNKNOWN, LinkState.ONLINE, LinkState.OFFLINE);

    private final MeterRegistry registry;
    private final SerialSources serial;
    /** Bus and reason pairs that have their counter: registering one again makes Micrometer warn (and ignore it). */
    private final Set<List<String>> registered = new HashSet<>();

    public SerialMeters(MeterRegistry registry, SerialSources serial) {
        this.registry = registry;
        this.serial = serial;
        for (String bus : serial.busNames()) {
            for (LinkState state : BUS_STATES) {
                Gauge.builder("linli.serial.bus.state", serial, s -> s.busState(bus) == state ? 1 : 0)
                        .description("1 for the bus's current state (UNKNOWN before its first poll cycle)")
                        .tag("bus", bus).tag("state", state.name()).register(registry);
            }
            for (LinkState state : LinkState.values()) {
                Gauge.builder("linli.serial.devices", serial, s -> s.deviceStates(bus).get(state))
                        .description("Devices on the bus by state (PARENT_OFFLINE: their bus is down)")
                        .tag("bus", bus).tag("state", state.name()).register(registry);
            }
        }
    }

    @Override
    public void refresh() {
        for (String bus : serial.busNames()) {
            serial.failuresByReason(bus).keySet().stream().filter(reason -> registered.add(List.of(bus, reason))).forEach(reason ->
                    FunctionCounter.builder("linli.serial.poll.failures", serial,
                                    s -> s.failuresByReason(bus).getOrDefault(reason, 0L))
                            .description("Poll attempts that failed, by bus and reason").tag("bus", bus)
                            .tag("reason", reason).register(registry));
        }
    }
}
