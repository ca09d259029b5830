package org.linli.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.linli.gateway.source.Source;
import org.linli.gateway.source.SourceState;
import org.linli.gateway.source.Sources;

/**
 * Every source's state as a state set, {@code linli_source_state{source, state}}: 1 for its current state, 0 for the
 * others; and {@code linli_source_gates_readiness{source}}. Read from {@link Source#status()} at scrape time, on the
 * event loop, so /metrics, /api/status and /health/ready cannot disagree. The transports' own meters (MqttMeters,
 * SerialMeters, CameraMeters) stay beside it.
 */
public final class SourceMeters {
    private SourceMeters() {
    }

    public static void register(MeterRegistry registry, Sources sources) {
        for (Source source : sources.all()) {
            for (SourceState state : SourceState.values()) {
                Gauge.builder("linli.source.state", source, s -> s.status().state() == state ? 1 : 0)
                        .description("1 for the source's current state (STARTING, UP, DEGRADED, DOWN, STOPPED)")
                        .tag("source", source.name()).tag("state", state.name()).register(registry);
            }
            Gauge.builder("linli.source.gates.readiness", source, s -> s.gatesReadiness() ? 1 : 0)
                    .description("1 if /health/ready answers 503 while this source is not working")
                    .tag("source", source.name()).register(registry);
        }
    }
}
