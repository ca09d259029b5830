package org.linli.gateway.camera;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.linli.drivers.onvif.OnvifCamera;
import org.linli.drivers.onvif.OnvifErrorKind;
import org.linli.drivers.onvif.OnvifException;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertListener;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * Snapshots as evidence: when a new alert is raised for a place a camera covers, fetch a JPEG from each covering
 * camera on a worker (bounded in time and size by the camera's client options), store it, and attach
 * {@code /api/snapshots/<id>} to the alert. A failed fetch is counted and logged; it never holds the alert up.
 */
public final class EvidenceCollector implements AlertListener {
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceCollector.class);
    /** Alerts about a camera being unreachable: asking it for a picture would only fail. */
    private static final Set<AlertType> NO_EVIDENCE = Set.of(AlertType.CAMERA_OFFLINE, AlertType.CAMERA_EVENTS_STALE);
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8};

    private final Vertx vertx;
    private final List<CameraLink> cameras;
    private final SnapshotStore store;
    private final AlertService alerts;
    private long fetched;
    private long failed;
    private String lastFailure;

    public EvidenceCollector(Vertx vertx, List<CameraLink> cameras, SnapshotStore store, AlertService alerts) {
        this.vertx = vertx;
        this.cameras = List.copyOf(cameras);
        this.store = store;
        this.alerts = alerts;
    }

    @Override
    public void onAlert(Alert alert, boolean isNew) {
        if (!isNew || NO_EVIDENCE.contains(alert.type())) {
            return;
        }
        for (CameraLink c : cameras) {
            if (Coverage.covers(c.covers(), alert.location())) {
                collect(c, alert.id());
            }
        }
    }

    private void collect(CameraLink link, String alertId) {
        OnvifCamera camera = link.supervisor() == null ? null : link.supervisor().camera().orElse(null);
        if (camera == null) {
            failure(link.id(), alertId, "camera not connected");
            return;
        }
        vertx.executeBlocking(() -> {
            byte[] jpeg = camera.snapshot();
            if (jpeg.length < 2 || jpeg[0] != JPEG_MAGIC[0] || jpeg[1] != JPEG_MAGIC[1]) {
                throw new OnvifException(OnvifErrorKind.BAD_RESPONSE, "snapshot is not a JPEG (" + jpeg.length + " bytes)");
            }
            return store.store(link.id(), jpeg);
        }, false).onComplete(ar -> {
            if (ar.succeeded()) {
                fetched++;
                alerts.attachEvidence(alertId, "/api/snapshots/" + ar.result());
            } else {
                if (ar.cause() instanceof OnvifException e && link.supervisor() != null) {
                    link.supervisor().counters().countRefusal(e);
                }
                failure(link.id(), alertId, String.valueOf(ar.cause()));
            }
        });
    }

    private void failure(String cameraId, String alertId, String why) {
        failed++;
        lastFailure = cameraId + ": " + why;
        LOG.warn("no snapshot from camera {} for alert {}: {}", cameraId, alertId, why);
    }

    /** Event loop only. */
    public JsonObject toJson() {
        return new JsonObject().put("fetched", fetched).put("failed", failed).put("lastFailure", lastFailure)
                .put("stored", store.count()).put("storedBytes", store.totalBytes());
    }
}
