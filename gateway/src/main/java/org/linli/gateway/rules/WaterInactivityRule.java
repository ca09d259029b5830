package org.linli.gateway.rules;

import org.linli.drivers.model.DeviceType;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.config.RulesOptions.WaterRuleOptions;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.Household;
import org.linli.gateway.site.SiteDirectory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Elderly living alone: less than {@code inactivityM3} (0.01 m³) over all of the household's meters in 12 h is a
 * WARNING (call the resident), in 24 h a MAJOR alarm (go there, tell the family); DOMAIN.md §4. Nothing is raised
 * while the household is flagged away, nor until a whole window has passed since it came back; nothing either when
 * a meter has too little history or has not reported in the last quarter of the window (its silence is the
 * heartbeat rule's business, not evidence of inactivity). Both clear once water is used again.
 */
public final class WaterInactivityRule implements Rule {
    private record Tier(String name, AlertType type, Severity severity) {
    }

    private static final Tier WARN = new Tier("warn", AlertType.WATER_INACTIVITY_WARNING, Severity.WARNING);
    private static final Tier ALARM = new Tier("alarm", AlertType.WATER_INACTIVITY, Severity.MAJOR);

    private final AlertService alerts;
    private final RuleThresholds thresholds;
    private final Map<String, WaterHistory> histories;
    private final HouseholdAway away;
    private final Map<String, List<Device>> metersByHousehold = new LinkedHashMap<>();
    /** The keys of the alerts this rule has raised and not yet cleared. */
    private final Set<AlertKey> raised = new HashSet<>();

    WaterInactivityRule(SiteDirectory site, AlertService alerts, RuleThresholds thresholds,
                        Map<String, WaterHistory> histories, HouseholdAway away) {
        this.alerts = alerts;
        this.thresholds = thresholds;
        this.histories = histories;
        this.away = away;
        for (Device d : site.devices()) {
            if (d.type() == DeviceType.WATER_METER && site.householdOf(d).map(Household::isElderlyLivingAlone).orElse(false)) {
                metersByHousehold.computeIfAbsent(d.location().householdKey().orElseThrow(), k -> new java.util.ArrayList<>())
                        .add(d);
            }
        }
    }

    /** The meters this rule watches: those of elderly-living-alone households. */
    Set<String> meterIds() {
        Set<String> ids = new HashSet<>();
        metersByHousehold.values().forEach(meters -> meters.forEach(m -> ids.add(m.id())));
        return ids;
    }

    @Override
    public void resume(Set<AlertKey> activeKeys) {
        for (String household : metersByHousehold.keySet()) {
            for (Tier tier : List.of(WARN, ALARM)) {
                if (activeKeys.contains(key(household, tier))) {
                    raised.add(key(household, tier));
                }
            }
        }
    }

    @Override
    public void check(Instant now) {
        metersByHousehold.forEach((household, meters) -> {
            WaterRuleOptions o = thresholds.water(household);
            Optional<Double> warnUse = used(meters, now, Duration.ofHours(o.inactivityWarnHours()));
            // water used clears at once, even on a history shorter than the window (just after a restart)
            if (usedAtLeast(meters, now.minus(Duration.ofHours(o.inactivityWarnHours()))) >= o.inactivityM3()) {
                clear(household, meters.get(0), WARN);
                clear(household, meters.get(0), ALARM);
                return;
            }
            evaluate(household, meters, now, Duration.ofHours(o.inactivityWarnHours()), warnUse, o, WARN);
            Duration alarmWindow = Duration.ofHours(o.inactivityAlarmHours());
            evaluate(household, meters, now, alarmWindow, used(meters, now, alarmWindow), o, ALARM);
        });
    }

    private void evaluate(String household, List<Device> meters, Instant now, Duration window, Optional<Double> use,
                          WaterRuleOptions o, Tier tier) {
        if (use.isEmpty() || use.get() >= o.inactivityM3() || away.awayAfter(household, now.minus(window))) {
            return;
        }
        if (raised.add(key(household, tier))) {
            Device meter = meters.get(0);
            alerts.raise(new AlertRequest(key(household, tier), tier.type(), tier.severity(), meter.location(), meter,
                    String.format(Locale.ROOT, "%d小时用水 %.3f m³（阈值 %.3f m³）", window.toHours(), use.get(),
                            o.inactivityM3())));
        }
    }

    private void clear(String household, Device meter, Tier tier) {
        if (raised.remove(key(household, tier))) {
            alerts.clear(key(household, tier));
        }
    }

    private static AlertKey key(String household, Tier tier) {
        return AlertKey.household(household, tier.type());
    }

    /** A lower bound of the water used by all meters since {@code from}, from whatever history there is. */
    private double usedAtLeast(List<Device> meters, Instant from) {
        double sum = 0;
        for (Device m : meters) {
            WaterHistory h = histories.get(m.id());
            if (h != null) {
                sum += h.usedAtLeastSince(from);
            }
        }
        return sum;
    }

    /** Water used by all meters over the window, or empty when any meter cannot tell. */
    private Optional<Double> used(List<Device> meters, Instant now, Duration window) {
        double sum = 0;
        for (Device m : meters) {
            WaterHistory h = histories.get(m.id());
            if (h == null || h.lastAt().isEmpty() || h.lastAt().get().isBefore(now.minus(window.dividedBy(4)))) {
                return Optional.empty();
            }
            Optional<Double> u = h.usedSince(now.minus(window));
            if (u.isEmpty()) {
                return Optional.empty();
            }
            sum += u.get();
        }
        return Optional.of(sum);
    }
}
