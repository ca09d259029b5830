package org.linli.gateway.camera;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.MutableClock;
import org.linli.gateway.TestSites;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertState;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.SiteDirectory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Camera status transitions and the one alert per change they raise and clear. */
class CameraHealthTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final AlertService alerts = new AlertService(SiteDirectory.from(TestSites.small()), clock);
    private final CameraHealth health = new CameraHealth("cam-7", Location.parse("7"), Duration.ofSeconds(60), alerts, clock);

    private List<Alert> of(AlertType type) {
        return alerts.list().stream().filter(a -> a.type() == type).toList();
    }

    @Test
    @DisplayName("no PullMessages answer for more than twice the poll timeout makes the camera EVENTS_STALE with one alert; an answer clears it")
    void stale() {
        // GIVEN a connected, subscribed camera (stale after 60 s = 2 × 30 s poll)
        health.connected();
        health.subscribed("http://cam/sub/1");
        // WHEN 60 s pass: not yet; 61 s: stale, and checking again changes nothing
        clock.advance(Duration.ofSeconds(60));
        health.check();
        assertEquals(CameraStatus.ONLINE, health.status());
        clock.advance(Duration.ofSeconds(1));
        health.check();
        health.check();
        // THEN one CAMERA_EVENTS_STALE alert keyed on the camera
        assertEquals(CameraStatus.EVENTS_STALE, health.status());
        assertEquals(1, of(AlertType.CAMERA_EVENTS_STALE).size());
        assertEquals(1, of(AlertType.CAMERA_EVENTS_STALE).get(0).count());
        assertEquals("7", of(AlertType.CAMERA_EVENTS_STALE).get(0).location().toString());
        // WHEN an answer comes
        health.alive();
        // THEN it is ONLINE and the alert cleared
        assertEquals(CameraStatus.ONLINE, health.status());
        assertEquals(AlertState.DEVICE_CLEARED, of(AlertType.CAMERA_EVENTS_STALE).get(0).state());
    }

    @Test
    @DisplayName("OFFLINE then NOT_AUTHORIZED keeps the one CAMERA_OFFLINE alert; connecting clears it; a camera not yet subscribed is never stale")
    void offlineKinds() {
        // GIVEN repeated failed connects, first unreachable, then refused credentials
        health.connectFailed(CameraStatus.OFFLINE, "TRANSPORT: refused");
        health.connectFailed(CameraStatus.OFFLINE, "TRANSPORT: refused");
        health.connectFailed(CameraStatus.NOT_AUTHORIZED, "NOT_AUTHORIZED");
        // THEN one open alert
        assertEquals(1, of(AlertType.CAMERA_OFFLINE).size());
        assertEquals(AlertState.OPEN, of(AlertType.CAMERA_OFFLINE).get(0).state());
        assertTrue(alerts.open(AlertKey.camera("cam-7", AlertType.CAMERA_OFFLINE)).isPresent());
        // WHEN it connects THEN the alert is cleared
        health.connected();
        assertEquals(AlertState.DEVICE_CLEARED, of(AlertType.CAMERA_OFFLINE).get(0).state());
        clock.advance(Duration.ofMinutes(10));
        health.check();
        assertEquals(CameraStatus.ONLINE, health.status(), "not subscribed yet: nothing to be stale");
    }
}
