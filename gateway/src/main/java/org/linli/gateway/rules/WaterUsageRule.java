package org.linli.gateway.rules;

import org.linli.drivers.model.DeviceType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.config.RulesOptions.WaterRuleOptions;
import org.linli.gateway.site.Device;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Two leak rules on a water meter's {@code total_m3} (DOMAIN.md §4): water used in every one of the 48 half-hour
 * slots of the last 24 h (continuous flow: a running toilet or a burst pipe), and more than the daily limit in a
 * rolling 24 h. Both clear when the condition is over. Also owns the meters' histories the inactivity rule reads.
 */
public final class WaterUsageRule implements Rule {
    private static final int SLOTS_PER_DAY = 48;

    private final AlertService alerts;
    private final RuleThresholds thresholds;
    private final Map<String, WaterHistory> histories;
    private final Set<String> continuous = new HashSet<>();
    private final Set<String> high = new HashSet<>();

    WaterUsageRule(AlertService alerts, RuleThresholds thresholds, Map<String, WaterHistory> histories) {
        this.alerts = alerts;
        this.thresholds = thresholds;
        this.histories = histories;
    }

    public static WaterUsageRule create(AlertService alerts, RuleThresholds thresholds) {
        return new WaterUsageRule(alerts, thresholds, new HashMap<>());
    }

    Map<String, WaterHistory> histories() {
        return histories;
    }

    @Override
    public void resume(Set<AlertKey> activeKeys) {
        for (AlertKey key : activeKeys) {
            if (key.kind() != AlertKey.Kind.DEVICE) {
                continue;
            }
            if (key.type() == AlertType.WATER_CONTINUOUS_FLOW) {
                continuous.add(key.subject());
            } else if (key.type() == AlertType.WATER_HIGH_USE) {
                high.add(key.subject());
            }
        }
    }

    /**
     * Runs for every water reading: the alerts' keys, texts and requests are built only when one is raised or cleared,
     * in methods of their own, so the compiled hot path stays small (BENCHMARKS, issue 15: this method was among a
     * cold drain's costliest compilations, with 8.8 KB inlined into it).
     */
    @Override
    public void onReading(Device device, Reading reading) {
        if (reading.quantity() != Quantity.WATER_TOTAL_M3 || device.type() != DeviceType.WATER_METER) {
            return;
        }
        WaterHistory h = histories.get(device.id());
        if (h == null) {
            h = new WaterHistory();
            histories.put(device.id(), h);
        }
        long at = reading.time().toEpochMilli();
        h.add(at, reading.value());
        WaterRuleOptions o = thresholds.water(device.location());
        checkContinuous(device, h, WaterHistory.slotOf(at), o.slotUseM3());
        double day = h.usedAtLeastSince(at - WaterHistory.DAY_MILLIS);
        boolean over = day > o.dailyLimitM3();
        if (over != high.contains(device.id())) {
            highUseChanged(device, over, day, o.dailyLimitM3());
        }
    }

    private void highUseChanged(Device device, boolean over, double day, double limit) {
        AlertKey key = AlertKey.device(device.id(), AlertType.WATER_HIGH_USE);
        if (over) {
            high.add(device.id());
            alerts.raise(new AlertRequest(key, AlertType.WATER_HIGH_USE, Severity.MINOR, device.location(), device,
                    String.format(Locale.ROOT, "24小时用水 %.3f m³（阈值 %.3f m³）", day, limit)));
        } else {
            high.remove(device.id());
            alerts.clear(key);
        }
    }

    private void checkContinuous(Device device, WaterHistory h, long currentSlot, double slotUse) {
        boolean everySlot = true;
        for (long s = currentSlot - SLOTS_PER_DAY; s < currentSlot && everySlot; s++) {
            everySlot = h.slotUse(s) >= slotUse;
        }
        boolean raised = continuous.contains(device.id());
        if (everySlot && !raised) {
            continuous.add(device.id());
            alerts.raise(new AlertRequest(AlertKey.device(device.id(), AlertType.WATER_CONTINUOUS_FLOW),
                    AlertType.WATER_CONTINUOUS_FLOW, Severity.MAJOR, device.location(), device, "过去24小时每个半小时段均有用水"));
        } else if (!everySlot && raised && h.slotUse(currentSlot - 1) < slotUse) {
            continuous.remove(device.id());
            alerts.clear(AlertKey.device(device.id(), AlertType.WATER_CONTINUOUS_FLOW));
        }
    }
}
