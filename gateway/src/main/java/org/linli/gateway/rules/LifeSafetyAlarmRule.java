package org.linli.gateway.rules;

import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.DeviceType;
import org.linli.drivers.model.EventType;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.Household;
import org.linli.gateway.site.SiteDirectory;

/**
 * A gas alarm's alarm event is a gas leak, a smoke detector's is a fire; their alarm-cleared events clear it.
 * Life-safety alarms are CRITICAL, and CRITICAL_VULNERABLE in a household with an elderly person living alone.
 * The key {@code <device>/GAS_LEAK} is shared with the gas concentration rule: one leak, one alert.
 */
public final class LifeSafetyAlarmRule implements Rule {
    private final SiteDirectory site;
    private final AlertService alerts;

    public LifeSafetyAlarmRule(SiteDirectory site, AlertService alerts) {
        this.site = site;
        this.alerts = alerts;
    }

    /** The alert type of a device's own alarm, or null if its alarms are not life-safety alarms. */
    static AlertType typeOf(DeviceType type) {
        if (type == DeviceType.GAS_ALARM) {
            return AlertType.GAS_LEAK;
        }
        return type == DeviceType.SMOKE_DETECTOR ? AlertType.FIRE : null;
    }

    /** CRITICAL, or CRITICAL_VULNERABLE for a flat flagged elderly living alone. */
    static Severity lifeSafetySeverity(SiteDirectory site, Device device) {
        boolean alone = site.householdOf(device).map(Household::care)
                .map(c -> c.contains(CareFlag.ELDERLY_LIVING_ALONE)).orElse(false);
        return alone ? Severity.CRITICAL_VULNERABLE : Severity.CRITICAL;
    }

    static AlertKey key(Device device, AlertType type) {
        return AlertKey.device(device.id(), type);
    }

    @Override
    public void onEvent(Device device, DeviceEvent event) {
        AlertType type = typeOf(device.type());
        if (type == null) {
            return;
        }
        if (event.type() == EventType.ALARM) {
            alerts.raise(new AlertRequest(key(device, type), type, lifeSafetySeverity(site, device), device.location(),
                    device, event.detail()));
        } else if (event.type() == EventType.ALARM_CLEARED) {
            alerts.clear(key(device, type));
        }
    }
}
