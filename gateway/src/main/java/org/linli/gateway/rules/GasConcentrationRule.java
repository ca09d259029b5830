package org.linli.gateway.rules;

import org.linli.drivers.model.DeviceType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.site.VulnerableHouseholds;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Gas concentration with hysteresis: a {@code gas_lel} reading at or above the alarm level raises a gas leak, and
 * only a reading below the (lower) clear level clears it; readings in between change nothing, so a value wandering
 * around one threshold cannot make the alert flap. Thresholds per device profile ({@link RuleThresholds#gas}). The
 * request carries the reading's time, so the gas alarm's own alarm event in the same message does not count twice.
 * Runs on the event loop.
 */
public final class GasConcentrationRule implements Rule {
    private final SiteDirectory site;
    private final AlertService alerts;
    private final RuleThresholds thresholds;
    private final VulnerableHouseholds vulnerable;
    private final Set<String> above = new HashSet<>();

    public GasConcentrationRule(SiteDirectory site, AlertService alerts, RuleThresholds thresholds,
                                VulnerableHouseholds vulnerable) {
        this.site = site;
        this.alerts = alerts;
        this.thresholds = thresholds;
        this.vulnerable = vulnerable;
    }

    @Override
    public void onReading(Device device, Reading reading) {
        if (reading.quantity() != Quantity.GAS_LEL || device.type() != DeviceType.GAS_ALARM) {
            return;
        }
        RuleThresholds.Gas t = thresholds.gas(device);
        if (reading.value() >= t.alarmLel() && above.add(device.id())) {
            alerts.raise(new AlertRequest(LifeSafetyAlarmRule.key(device, AlertType.GAS_LEAK), AlertType.GAS_LEAK,
                    LifeSafetyAlarmRule.lifeSafetySeverity(site, vulnerable, device), device.location(), device,
                    String.format(Locale.ROOT, "燃气浓度 %.1f %%LEL（报警阈值 %.1f）", reading.value(), t.alarmLel()),
                    reading.time()));
        } else if (reading.value() < t.clearLel() && above.remove(device.id())) {
            alerts.clear(LifeSafetyAlarmRule.key(device, AlertType.GAS_LEAK));
        }
    }
}
