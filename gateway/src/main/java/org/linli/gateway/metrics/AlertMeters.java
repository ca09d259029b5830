package org.linli.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertListener;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertState;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alerts: raised since start by type and severity (a counter, told by the alert service), and the alerts of the
 * moment by type, severity and workflow state (gauges, counted from the service's list at each scrape).
 * {@code linli_alerts_open} is state OPEN only, the {@code open} of {@code GET /api/alerts}: raised and nobody has
 * accepted it yet.
 */
public final class AlertMeters implements MeterSet, AlertListener {
    private final MeterRegistry registry;
    private final AlertService alerts;
    private Map<List<String>, Long> active = Map.of();
    /** Combinations that have their gauges: registering one again makes Micrometer warn (and ignore it). */
    private final Set<List<String>> registered = new HashSet<>();

    public AlertMeters(MeterRegistry registry, AlertService alerts) {
        this.registry = registry;
        this.alerts = alerts;
        Gauge.builder("linli.alerts.awaiting.acceptance", alerts, AlertService::awaitingAcceptance)
                .description("Alerts nobody has accepted yet whose escalation deadline runs").register(registry);
    }

    @Override
    public void onAlert(Alert alert, boolean isNew) {
        if (isNew) {
            Counter.builder("linli.alerts.raised").description("Alerts raised since start, by type and severity")
                    .tag("type", alert.type().name()).tag("severity", alert.severity().name())
                    .register(registry).increment();
        }
    }

    @Override
    public void refresh() {
        Map<List<String>, Long> now = new HashMap<>();
        for (Alert a : alerts.list()) {
            if (!a.state().isTerminal()) {
                now.merge(List.of(a.type().name(), a.severity().name(), a.state().name()), 1L, Long::sum);
            }
        }
        // a combination seen once stays registered and reads 0 when its alerts are gone
        active.keySet().forEach(k -> now.putIfAbsent(k, 0L));
        active = now;
        now.keySet().stream().filter(registered::add).forEach(k -> {
            Gauge.builder("linli.alerts.active", this, m -> m.active.getOrDefault(k, 0L))
                    .description("Alerts not yet closed or dismissed, by type, severity and workflow state")
                    .tag("type", k.get(0)).tag("severity", k.get(1)).tag("state", k.get(2)).register(registry);
            if (AlertState.OPEN.name().equals(k.get(2))) {
                Gauge.builder("linli.alerts.open", this, m -> m.active.getOrDefault(k, 0L))
                        .description("Alerts raised and dispatched that nobody has accepted yet (state OPEN), by type "
                                + "and severity").tag("type", k.get(0)).tag("severity", k.get(1)).register(registry);
            }
        });
    }
}
