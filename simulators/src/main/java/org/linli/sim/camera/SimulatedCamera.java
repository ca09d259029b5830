package org.linli.sim.camera;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulated ONVIF Profile S camera on loopback: device, media and events services over real SOAP 1.2 HTTP,
 * pull-point subscriptions with long polling, a JPEG snapshot, and a WS-Discovery responder (unicast on loopback,
 * or on the multicast group: {@link CameraSimOptions#multicastDiscovery()}). {@link CameraSimMain} runs one alone.
 *
 * <p>Built on the JDK's com.sun.net.httpserver rather than Vert.x: PullMessages is a long poll, which is a plain
 * blocking wait on a worker thread here, and the simulator stays usable from any test without an event loop.
 */
public final class SimulatedCamera implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final CameraSimOptions options;
    private final String endpointReference = "urn:uuid:" + UUID.randomUUID();
    private final byte[] snapshot;
    private volatile boolean motion;
    private HttpServer server;
    private ExecutorService workers;
    private ScheduledExecutorService scheduler;
    private DiscoveryResponder discovery;
    private SimEventService events;
    private SimAuth auth;

    public SimulatedCamera(CameraSimOptions options) {
        this.options = options;
        this.snapshot = SnapshotImage.render(options.name());
    }

    /** Binds the HTTP server (and discovery responder) on 127.0.0.1 and starts answering. */
    public synchronized SimulatedCamera start() throws IOException {
        if (server != null) {
            return this;
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.httpPort()), 64);
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        events = new SimEventService(options, this::cameraNow, new EventResponses(baseUrl, options.topicPrefix()),
                this::initialState);
        auth = new SimAuth(options, this::cameraNow);
        server.createContext("/onvif/", new CameraSoapHandler(this, auth, new DeviceResponses(options, baseUrl),
                new MediaResponses(baseUrl), events, options.topicPrefix()));
        // one thread per open request: long polls hold theirs for up to a minute
        workers = Executors.newCachedThreadPool(r -> daemon(r, "camera-sim-http-"));
        server.setExecutor(workers);
        server.start();
        if (options.multicastDiscovery()) {
            discovery = DiscoveryResponder.multicast(options.discoveryPort(), endpointReference,
                    deviceServiceUri().toString(), String.join(" ", CameraPaths.scopes(options)));
        } else if (options.discoveryPort() >= 0) {
            discovery = new DiscoveryResponder(options.discoveryPort(), endpointReference,
                    deviceServiceUri().toString(), String.join(" ", CameraPaths.scopes(options)));
        }
        if (options.eventInterval() != null && !options.eventInterval().isZero()) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "camera-sim-events-"));
            long ms = options.eventInterval().toMillis();
            scheduler.scheduleAtFixedRate(() -> triggerMotion(!motion), ms, ms, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (discovery != null) {
            discovery.close();
        }
        events.dropAll(); // wakes long polls so stop() does not wait for them
        server.stop(0);
        workers.shutdownNow();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    public CameraSimOptions options() {
        return options;
    }

    public int httpPort() {
        return server.getAddress().getPort();
    }

    /** UDP port of the discovery responder, or -1 if disabled. */
    public int discoveryPort() {
        return discovery == null ? -1 : discovery.port();
    }

    public URI deviceServiceUri() {
        return URI.create("http://127.0.0.1:" + httpPort() + CameraPaths.DEVICE);
    }

    public String endpointReference() {
        return endpointReference;
    }

    /** Raises tns1:RuleEngine/CellMotionDetector/Motion with IsMotion = active on every live subscription. */
    public void triggerMotion(boolean active) {
        motion = active;
        events.publish(new SimEvent(SimEvent.MOTION, cameraNow(), "Changed", motionSource(),
                Map.of("IsMotion", Boolean.toString(active))));
    }

    /** Raises tns1:RuleEngine/TamperDetector/Tamper with IsTamper = true on every live subscription. */
    public void triggerTamper() {
        events.publish(new SimEvent(SimEvent.TAMPER, cameraNow(), "Changed", motionSource(),
                Map.of("IsTamper", "true")));
    }

    /** Simulates a reboot: every subscription is forgotten (waiting PullMessages get ResourceUnknown). */
    public void reboot() {
        motion = false;
        events.dropAll();
    }

    /**
     * Simulates event firmware that hangs: while set, PullMessages requests get no answer at all (the HTTP request
     * stays open), so a client sees time-outs rather than faults. Other operations still answer.
     */
    public void hangPullMessages(boolean hung) {
        events.hangPulls(hung);
    }

    public int activeSubscriptions() {
        return events.count();
    }

    /** Subscriptions created since the last start(). */
    public int subscriptionsCreated() {
        return events.created();
    }

    /** Successful Renew calls since the last start(). */
    public int renewals() {
        return events.renewed();
    }

    /** HTTP Basic Authorization headers (carrying the password itself) received since the last start(). */
    public int basicCredentialsReceived() {
        return auth == null ? 0 : auth.basicReceived();
    }

    public byte[] snapshotJpeg() {
        return snapshot.clone();
    }

    Instant cameraNow() {
        return Instant.now().plus(options.clockSkew());
    }

    String serialNumber() {
        return "SIM" + Integer.toHexString(options.name().hashCode()).toUpperCase(java.util.Locale.ROOT);
    }

    /** The Initialized messages a new subscription starts with: the current motion and tamper state. */
    private List<SimEvent> initialState() {
        Instant now = cameraNow();
        return List.of(new SimEvent(SimEvent.MOTION, now, "Initialized", motionSource(),
                        Map.of("IsMotion", Boolean.toString(motion))),
                new SimEvent(SimEvent.TAMPER, now, "Initialized", motionSource(),
                        Map.of("IsTamper", "false")));
    }

    private static Map<String, String> motionSource() {
        Map<String, String> source = new LinkedHashMap<>();
        source.put(SimEvent.SOURCE_ITEMS.get(0), "VSC_1");
        source.put(SimEvent.SOURCE_ITEMS.get(1), "VAC_1");
        source.put(SimEvent.SOURCE_ITEMS.get(2), "MyMotionDetectorRule");
        return source;
    }

    private static Thread daemon(Runnable r, String prefix) {
        Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
