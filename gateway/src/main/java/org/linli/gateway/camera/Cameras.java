package org.linli.gateway.camera;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.linli.drivers.onvif.OnvifClientOptions;
import org.linli.drivers.onvif.OnvifCredentials;
import org.linli.drivers.onvif.OnvifTopicProfile;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.config.CameraConfig;
import org.linli.gateway.config.CamerasOptions;
import org.linli.gateway.pipeline.DeviceEventListener;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The cameras of one gateway: alert rules for camera events (built with the gateway, before the pipeline, since
 * they listen to it); then, started through {@link CameraSource} with the other sources, one supervisor per camera,
 * snapshot evidence and the staleness timer; and the HTTP routes. With no {@code cameras:} section only discovery and
 * the (empty) snapshot store are there.
 */
public final class Cameras {
    private static final Logger LOG = LoggerFactory.getLogger(Cameras.class);
    private static final Duration RECONNECT_MIN = Duration.ofSeconds(1);
    /** What stopping the cameras may take in all: part of the gateway's 5 s stop budget. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);
    private static final int TIMEOUTS_BEFORE_RECREATE = 3;

    private final Vertx vertx;
    private final CamerasOptions options;
    private final SiteDirectory site;
    private final AlertService alerts;
    private final Clock clock;
    private final Function<String, String> env;
    private final SnapshotStore store;
    private final CameraAlertRules rules;
    private final List<CameraLink> links = new ArrayList<>();
    private EvidenceCollector evidence;
    private long timer = -1;

    public Cameras(Vertx vertx, CamerasOptions options, SiteDirectory site, AlertService alerts, Clock clock,
                   Path dataDir, Function<String, String> env) {
        this.vertx = vertx;
        this.options = options == null ? CamerasOptions.none() : options;
        this.site = site;
        this.alerts = alerts;
        this.clock = clock;
        this.env = env;
        this.store = new SnapshotStore(dataDir.resolve("snapshots"), this.options.snapshots().maxCount(),
                this.options.snapshots().maxTotalBytes(), clock);
        Map<String, MotionWindows> windows = new LinkedHashMap<>();
        ZoneId zone = ZoneId.of(this.options.timeZone());
        this.options.devices().forEach(c -> windows.put(c.id(), new MotionWindows(c.motionWindows(), zone)));
        this.rules = new CameraAlertRules(windows, alerts, clock);
    }

    /** Listens to the pipeline for camera events; give it to the Pipeline's listeners. */
    public DeviceEventListener alertRules() {
        return rules;
    }

    /** Starts one supervisor per camera and the evidence collector. Call on the gateway's event loop. */
    public void start(Context eventLoop, Pipeline pipeline) {
        for (CameraConfig c : options.devices()) {
            Device device = site.device(c.id()).orElseThrow();
            Duration poll = Duration.ofSeconds(c.pollTimeoutSeconds());
            CameraHealth health = new CameraHealth(c.id(), device.location(), poll.multipliedBy(2), alerts, clock);
            CameraLink link = new CameraLink(c, device, eventLoop, pipeline, health, clock);
            link.attach(new CameraSupervisor(settings(c), link));
            links.add(link);
        }
        evidence = new EvidenceCollector(vertx, links, store, alerts);
        alerts.addListener(evidence);
        links.forEach(l -> l.supervisor().start());
        if (!links.isEmpty()) {
            timer = vertx.setPeriodic(1000, id -> links.forEach(l -> l.health().check()));
        }
    }

    private SupervisorSettings settings(CameraConfig c) {
        OnvifClientOptions client = OnvifClientOptions.defaults()
                .withSnapshots(Duration.ofSeconds(options.snapshots().timeoutSeconds()), options.snapshots().maxImageBytes())
                .withAllowBasicOverHttp(c.allowBasicOverHttp());
        return new SupervisorSettings(c.id(), URI.create(c.xaddr().trim()),
                new OnvifCredentials(c.username(), env.apply(c.passwordEnv())),
                OnvifTopicProfile.load(c.model().toLowerCase(Locale.ROOT)),
                Duration.ofSeconds(c.pollTimeoutSeconds()), Duration.ofSeconds(c.subscriptionSeconds()),
                RECONNECT_MIN,
                maxOf(RECONNECT_MIN, Duration.ofSeconds(options.reconnectMaxSeconds())), TIMEOUTS_BEFORE_RECREATE, client);
    }

    private static Duration maxOf(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public void mountRoutes(Router router) {
        new CameraRoutes(vertx, store).mount(router);
    }

    public List<CameraLink> links() {
        return List.copyOf(links);
    }

    public SnapshotStore snapshots() {
        return store;
    }

    /** For /api/status: one entry per camera. Event loop only. */
    public JsonArray statusJson() {
        JsonArray out = new JsonArray();
        links.forEach(l -> out.add(l.toJson()));
        return out;
    }

    /** How many cameras are in each status (every status present, 0 when none). Event loop only. */
    public Map<CameraStatus, Long> statusCounts() {
        Map<CameraStatus, Long> out = new java.util.EnumMap<>(CameraStatus.class);
        for (CameraStatus s : CameraStatus.values()) {
            out.put(s, 0L);
        }
        links.forEach(l -> out.merge(l.health().status(), 1L, Long::sum));
        return out;
    }

    public JsonObject evidenceJson() {
        return evidence == null ? new JsonObject() : evidence.toJson();
    }

    /**
     * Stops every supervisor on a worker: all are told at once, then all get one shared {@link #STOP_WAIT} to send
     * their best-effort Unsubscribe, so cameras that stopped answering cost at most that much in total, not each a
     * request time-out in turn.
     */
    public Future<Void> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (links.isEmpty()) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            links.forEach(l -> l.supervisor().requestStop());
            long deadline = System.nanoTime() + STOP_WAIT.toNanos();
            long unfinished = links.stream().filter(l -> !l.supervisor().awaitStopped(deadline)).count();
            if (unfinished > 0) {
                LOG.info("{} camera(s) did not answer Unsubscribe within {} s; their subscriptions expire on the camera",
                        unfinished, STOP_WAIT.toSeconds());
            }
            return null;
        }, false).mapEmpty();
    }
}
