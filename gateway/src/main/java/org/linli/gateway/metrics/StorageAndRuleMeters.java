package org.linli.gateway.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.linli.gateway.alert.SqliteAlertStore;
import org.linli.gateway.rules.RuleEngine;

/**
 * Failures that would otherwise only be logged: alert versions the store could not save, unreadable rows it kept
 * aside, rule evaluations that threw (docs/OPERATIONS.md).
 */
public final class StorageAndRuleMeters {
    private StorageAndRuleMeters() {
    }

    public static void register(MeterRegistry registry, SqliteAlertStore alertStore, RuleEngine rules) {
        FunctionCounter.builder("linli.alerts.store.failures", alertStore, SqliteAlertStore::writeFailures)
                .description("Alert versions or away flags the alert store could not save").register(registry);
        Gauge.builder("linli.alerts.store.quarantined", alertStore, SqliteAlertStore::quarantined)
                .description("Unreadable alert rows kept aside in the store's alerts_quarantine table")
                .register(registry);
        FunctionCounter.builder("linli.rules.failures", rules, RuleEngine::failures)
                .description("Rule evaluations that failed with an error (logged; the other rules go on)")
                .register(registry);
    }
}
