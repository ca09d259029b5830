package org.linli.gateway.rules;

import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.DeviceType;
import org.linli.drivers.model.EventType;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.AlertVocabulary;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.Household;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.site.VulnerableHouseholds;

/**
 * A gas alarm's alarm event is a gas leak, a smoke detector's is a fire; their alarm-cleared events clear it.
 * Life-safety alarms are CRITICAL, and CRITICAL_VULNERABLE in a household with one of the vulnerable care flags
 * ({@link VulnerableHouseholds}, {@code rules.vulnerableCareFlags}). The alert's 说明 is the event in Chinese
 * ({@link AlertVocabulary#eventDetail}), not the decoder's raw code. The key {@code <device>/GAS_LEAK} is shared with
 * the gas concentration rule, and both pass the message's time: one leak, one alert, one count per message.
 * Runs on the event loop.
 */
public final class LifeSafetyAlarmRule implements Rule {
    private final SiteDirectory site;
    private final AlertService alerts;
    private final VulnerableHouseholds vulnerable;

    public LifeSafetyAlarmRule(SiteDirectory site, AlertService alerts, VulnerableHouseholds vulnerable) {
        this.site = site;
        this.alerts = alerts;
        this.vulnerable = vulnerable;
    }

    /** With the default vulnerable care flags. */
    public LifeSafetyAlarmRule(SiteDirectory site, AlertService alerts) {
        this(site, alerts, VulnerableHouseholds.defaults());
    }

    /** The alert type of a device's own alarm, or null if its alarms are not life-safety alarms. */
    static AlertType typeOf(DeviceType type) {
        if (type == DeviceType.GAS_ALARM) {
            return AlertType.GAS_LEAK;
        }
        return type == DeviceType.SMOKE_DETECTOR ? AlertType.FIRE : null;
    }

    /** CRITICAL, or CRITICAL_VULNERABLE for a flat with one of the vulnerable care flags. */
    static Severity lifeSafetySeverity(SiteDirectory site, VulnerableHouseholds vulnerable, Device device) {
        boolean isVulnerable = site.householdOf(device).map(Household::care).map(vulnerable::isVulnerable).orElse(false);
        return isVulnerable ? Severity.CRITICAL_VULNERABLE : Severity.CRITICAL;
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
            alerts.raise(new AlertRequest(key(device, type), type, lifeSafetySeverity(site, vulnerable, device),
                    device.location(), device, AlertVocabulary.eventDetail(device.type(), event.type()), event.time()));
        } else if (event.type() == EventType.ALARM_CLEARED) {
            alerts.clear(key(device, type));
        }
    }
}
