package org.linli.gateway.rules;

import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.Reading;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertStore;
import org.linli.gateway.config.RulesOptions;
import org.linli.gateway.pipeline.DeviceEventListener;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.site.VulnerableHouseholds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs every alert rule (docs/ALERTS.md) on the pipeline's events and readings and, through {@link #check()}, on the
 * passing of time. A rule that throws costs that one evaluation (logged and counted), never the pipeline.
 * Event-loop confined; the gateway calls {@link #check()} from a periodic timer, tests call it directly.
 */
public final class RuleEngine implements DeviceEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);

    private final Clock clock;
    private final RuleThresholds thresholds;
    private final List<Rule> rules;
    private final WaterUsageRule water;
    private final WaterInactivityRule inactivity;
    private long failures;

    public RuleEngine(SiteDirectory site, AlertService alerts, RulesOptions options, Clock clock,
                      Function<String, Optional<Instant>> lastSeen, ParentStatus parents, HouseholdAway away) {
        this.clock = clock;
        this.thresholds = new RuleThresholds(options);
        VulnerableHouseholds vulnerable = VulnerableHouseholds.from(options == null ? RulesOptions.defaults() : options);
        this.water = WaterUsageRule.create(alerts, thresholds);
        this.inactivity = new WaterInactivityRule(site, alerts, thresholds, water.histories(), away);
        this.rules = new java.util.ArrayList<>(List.of(
                new LifeSafetyAlarmRule(site, alerts, vulnerable),
                new GasConcentrationRule(site, alerts, thresholds, vulnerable),
                new DeviceHealthRule(alerts),
                new HeartbeatRule(site, alerts, thresholds, lastSeen, parents, clock.instant()),
                water,
                inactivity));
        Set<AlertKey> active = alerts.activeKeys();
        rules.forEach(r -> r.resume(active));
    }

    /**
     * Keeps the water history of elderly-living-alone households in {@code store} from now on, and puts back the
     * samples it held ({@code restored}, oldest first per meter), so the inactivity rule is not blind for a whole
     * window after a restart. Call once, before readings flow.
     */
    public void keepWaterHistory(AlertStore store, Map<String, List<AlertStore.WaterSample>> restored) {
        restored.forEach((meter, samples) -> {
            WaterHistory h = water.histories().computeIfAbsent(meter, m -> new WaterHistory());
            samples.forEach(s -> h.add(s.at(), s.totalM3()));
        });
        rules.add(new WaterSampleRecorder(inactivity.meterIds(), store));
    }

    @Override
    public void onEvent(Device device, DeviceEvent event) {
        for (Rule r : rules) {
            try {
                r.onEvent(device, event);
            } catch (RuntimeException e) {
                failed(r, device.id(), e);
            }
        }
    }

    @Override
    public void onReadings(Device device, List<Reading> readings) {
        for (Reading reading : readings) {
            for (Rule r : rules) {
                try {
                    r.onReading(device, reading);
                } catch (RuntimeException e) {
                    failed(r, device.id(), e);
                }
            }
        }
    }

    /** Runs the periodic rules (heartbeat, water inactivity) at the clock's current time. */
    public void check() {
        Instant now = clock.instant();
        for (Rule r : rules) {
            try {
                r.check(now);
            } catch (RuntimeException e) {
                failed(r, "periodic check", e);
            }
        }
    }

    public Duration checkInterval() {
        return thresholds.checkInterval();
    }

    public long failures() {
        return failures;
    }

    private void failed(Rule r, String what, RuntimeException e) {
        failures++;
        LOG.error("rule {} failed on {}", r.getClass().getSimpleName(), what, e);
    }
}
