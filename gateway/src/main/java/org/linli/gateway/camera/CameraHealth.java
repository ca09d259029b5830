package org.linli.gateway.camera;

import io.vertx.core.json.JsonObject;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.site.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The status of one camera and the alerts that follow from it: one alert per change into OFFLINE/NOT_AUTHORIZED
 * (CAMERA_OFFLINE) or EVENTS_STALE (CAMERA_EVENTS_STALE), cleared when the camera recovers. Event-loop confined:
 * the supervisor's reports reach it through {@link CameraLink}; {@link #check()} runs on a timer.
 */
public final class CameraHealth {
    private static final Logger LOG = LoggerFactory.getLogger(CameraHealth.class);

    private final String cameraId;
    private final Location location;
    private final Duration staleAfter;
    private final AlertService alerts;
    private final Clock clock;
    private CameraStatus status = CameraStatus.CONNECTING;
    private Instant since;
    private String lastError;
    private boolean subscribed;
    private Instant lastAnswerAt;
    private Instant lastEventAt;
    private String subscriptionAddress;

    /** @param staleAfter twice the poll timeout (FIELD-NOTES §4) */
    public CameraHealth(String cameraId, Location location, Duration staleAfter, AlertService alerts, Clock clock) {
        this.cameraId = cameraId;
        this.location = location;
        this.staleAfter = staleAfter;
        this.alerts = alerts;
        this.clock = clock;
        this.since = clock.instant();
    }

    void connected() {
        subscribed = false;
        lastAnswerAt = clock.instant();
        lastError = null;
        change(CameraStatus.ONLINE, "connected");
    }

    void connectFailed(CameraStatus why, String error) {
        subscribed = false;
        lastError = error;
        change(why, error);
    }

    void subscribed(String address) {
        subscribed = true;
        subscriptionAddress = address;
        alive();
    }

    /** A PullMessages or Renew answer. */
    void alive() {
        lastAnswerAt = clock.instant();
        if (status == CameraStatus.EVENTS_STALE) {
            change(CameraStatus.ONLINE, "events flowing again");
        }
    }

    void events(Instant at) {
        lastEventAt = at;
    }

    void sessionLost(String error) {
        subscribed = false;
        lastError = error;
    }

    /** Timer: a connected camera whose subscription has not answered for staleAfter is EVENTS_STALE. */
    public void check() {
        if (status == CameraStatus.ONLINE && subscribed
                && Duration.between(lastAnswerAt, clock.instant()).compareTo(staleAfter) > 0) {
            change(CameraStatus.EVENTS_STALE, "no PullMessages answer for " + staleAfter.toSeconds() + " s");
        }
    }

    private void change(CameraStatus next, String detail) {
        CameraStatus previous = status;
        if (next == previous) {
            return;
        }
        status = next;
        since = clock.instant();
        LOG.info("camera {}: {} -> {} ({})", cameraId, previous, next, detail);
        if (previous.unusable() && !next.unusable()) {
            alerts.clear(key(AlertType.CAMERA_OFFLINE));
        }
        if (previous == CameraStatus.EVENTS_STALE) {
            alerts.clear(key(AlertType.CAMERA_EVENTS_STALE));
        }
        if (next.unusable() && !previous.unusable()) {
            raise(AlertType.CAMERA_OFFLINE, "无法连接（原因：" + detail + "）");
        } else if (next == CameraStatus.EVENTS_STALE) {
            raise(AlertType.CAMERA_EVENTS_STALE, "在线，但事件订阅无响应（原因：" + detail + "）");
        }
    }

    private void raise(AlertType type, String detail) {
        alerts.raise(new AlertRequest(key(type), type, Severity.MAJOR, location, null, "摄像头 " + cameraId + " " + detail));
    }

    private AlertKey key(AlertType type) {
        return AlertKey.camera(cameraId, type);
    }

    public CameraStatus status() {
        return status;
    }

    public JsonObject toJson() {
        return new JsonObject().put("status", status.name()).put("since", since.toString())
                .put("lastError", lastError)
                .put("subscription", subscribed ? subscriptionAddress : null)
                .put("lastEventsAnswerAt", lastAnswerAt == null ? null : lastAnswerAt.toString())
                .put("lastEventAt", lastEventAt == null ? null : lastEventAt.toString());
    }
}
