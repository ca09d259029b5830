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

import java.util.EnumMap;
import java.util.Map;

/**
 * Device health events become alerts: faults, low battery, tamper / removed from base, sensor end of life. A
 * life-safety detector that cannot detect leaves a flat unprotected, so its faults weigh more than a water meter's.
 * FAULT_CLEARED clears the fault alert. Cameras are left to the camera supervisor.
 */
public final class DeviceHealthRule implements Rule {
    /** What an event becomes: the alert type, its severity on a gas/smoke detector, and on a (water, heat) meter. */
    private record Mapping(AlertType type, Severity lifeSafetyDevice, Severity meter) {
    }

    private static final Map<EventType, Mapping> TABLE = new EnumMap<>(Map.of(
            EventType.FAULT, new Mapping(AlertType.DEVICE_FAULT, Severity.MAJOR, Severity.MINOR),
            EventType.SENSOR_CONTAMINATED, new Mapping(AlertType.DEVICE_FAULT, Severity.MAJOR, Severity.MINOR),
            EventType.VALVE_FAULT, new Mapping(AlertType.DEVICE_FAULT, Severity.MAJOR, Severity.MINOR),
            EventType.LOW_BATTERY, new Mapping(AlertType.LOW_BATTERY, Severity.MINOR, Severity.WARNING),
            EventType.TAMPER, new Mapping(AlertType.DEVICE_TAMPER, Severity.MAJOR, Severity.MINOR),
            EventType.SENSOR_END_OF_LIFE, new Mapping(AlertType.SENSOR_END_OF_LIFE, Severity.MAJOR, Severity.MINOR)));

    private final AlertService alerts;

    public DeviceHealthRule(AlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public void onEvent(Device device, DeviceEvent event) {
        if (device.type() == DeviceType.CAMERA) {
            return;
        }
        if (event.type() == EventType.FAULT_CLEARED) {
            alerts.clear(AlertKey.device(device.id(), AlertType.DEVICE_FAULT));
            return;
        }
        Mapping m = TABLE.get(event.type());
        if (m == null) {
            return;
        }
        Severity severity = device.type().isLifeSafety() ? m.lifeSafetyDevice() : m.meter();
        alerts.raise(new AlertRequest(AlertKey.device(device.id(), m.type()), m.type(), severity, device.location(), device,
                AlertVocabulary.eventDetail(device.type(), event.type()), event.time()));
    }
}
