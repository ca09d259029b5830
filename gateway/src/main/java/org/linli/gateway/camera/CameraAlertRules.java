package org.linli.gateway.camera;

import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.DeviceType;
import org.linli.drivers.model.EventType;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.pipeline.DeviceEventListener;
import org.linli.gateway.site.Device;

import java.time.Clock;
import java.util.Map;

/**
 * Alerts from camera events, after the pipeline has recorded them: tamper always raises CAMERA_TAMPER; motion raises
 * CAMERA_MOTION only inside the camera's motion windows (outside, it is recorded and nothing more). Which ONVIF
 * topics count as motion or tamper is decided earlier, by the camera model's topic profile. Repeats count on the
 * open alert (one per camera and type) instead of raising new ones. Event-loop confined.
 */
public final class CameraAlertRules implements DeviceEventListener {
    private final Map<String, MotionWindows> windowsByCamera;
    private final AlertService alerts;
    private final Clock clock;

    public CameraAlertRules(Map<String, MotionWindows> windowsByCamera, AlertService alerts, Clock clock) {
        this.windowsByCamera = Map.copyOf(windowsByCamera);
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public void onEvent(Device device, DeviceEvent event) {
        if (device.type() != DeviceType.CAMERA) {
            return;
        }
        if (event.type() == EventType.TAMPER) {
            raise(device, AlertType.CAMERA_TAMPER, Severity.MAJOR, event);
        } else if (event.type() == EventType.MOTION) {
            MotionWindows windows = windowsByCamera.get(device.id());
            // judged on our clock: camera clocks drift, and the camera's event time is its own
            if (windows != null && windows.contains(clock.instant())) {
                raise(device, AlertType.CAMERA_MOTION, Severity.MINOR, event);
            }
        }
    }

    private void raise(Device device, AlertType type, Severity severity, DeviceEvent event) {
        String what = type == AlertType.CAMERA_TAMPER ? "摄像头报告画面被遮挡、移位或过暗"
                : "摄像头在禁区时段检测到移动";
        alerts.raise(new AlertRequest(AlertKey.camera(device.id(), type), type, severity, device.location(), device,
                event.detail().isBlank() ? what : what + "（" + event.detail() + "）"));
    }
}
