package org.linli.sim.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;
import org.linli.drivers.onvif.CameraDescription;
import org.linli.drivers.onvif.OnvifCamera;
import org.linli.drivers.onvif.OnvifClientOptions;
import org.linli.drivers.onvif.OnvifCredentials;
import org.linli.drivers.onvif.OnvifErrorKind;
import org.linli.drivers.onvif.OnvifEventMapper;
import org.linli.drivers.onvif.OnvifException;
import org.linli.drivers.onvif.OnvifTopicProfile;
import org.linli.drivers.onvif.ProbeMatch;
import org.linli.drivers.onvif.PullMessagesResult;
import org.linli.drivers.onvif.PullPointSubscription;
import org.linli.drivers.onvif.WsDiscoveryProbe;

/** Our ONVIF client against the simulated camera, over real HTTP and UDP on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OnvifClientAgainstCameraSimTest {
    private static final OnvifCredentials GOOD = new OnvifCredentials("admin", "admin123");
    private final List<SimulatedCamera> cameras = new ArrayList<>();

    @AfterEach
    void stopCameras() {
        cameras.forEach(SimulatedCamera::stop);
    }

    private SimulatedCamera start(CameraSimOptions options) throws Exception {
        SimulatedCamera cam = new SimulatedCamera(options).start();
        cameras.add(cam);
        return cam;
    }

    private static OnvifCamera connect(SimulatedCamera cam, OnvifCredentials credentials) throws OnvifException {
        return OnvifCamera.connect(cam.deviceServiceUri(), credentials, OnvifClientOptions.defaults());
    }

    @Test
    @DisplayName("The full connect sequence reads identity, profiles, video sources and URIs, correcting a 2 h camera clock skew")
    void connectSequence() throws Exception {
        // GIVEN a camera whose clock is 2 hours ahead (outside the 5 min WS-Security tolerance)
        SimulatedCamera sim = start(CameraSimOptions.defaults("Gate-1").withClockSkew(Duration.ofHours(2)));
        // WHEN we connect
        CameraDescription d = connect(sim, GOOD).description();
        // THEN the clock offset was measured and used, and every step's answer was read
        assertTrue(Math.abs(d.clockOffset().minusHours(2).toSeconds()) <= 2, "offset " + d.clockOffset());
        assertEquals("Linli", d.deviceInformation().manufacturer());
        assertEquals("SimCam-1", d.deviceInformation().model());
        assertEquals(2, d.profiles().size());
        assertEquals("Profile_1", d.mainProfile().token());
        assertEquals(1920, d.mainProfile().width());
        assertEquals("VideoSource_1", d.videoSources().get(0).token());
        assertEquals(d.videoSources().get(0).token(), d.mainProfile().videoSourceToken());
        assertEquals(URI.create("http://127.0.0.1:" + sim.httpPort() + "/onvif/events_service"),
                d.services().events().orElseThrow());
        assertTrue(d.snapshotUri().orElseThrow().toString().contains("/onvif/snapshot.jpg?profile=Profile_1"));
        assertEquals("rtsp", d.streamUri().getScheme());
    }

    @Test
    @DisplayName("A wrong password is reported as NOT_AUTHORIZED (WS-Security NotAuthorized fault)")
    void wrongPassword() throws Exception {
        SimulatedCamera sim = start(CameraSimOptions.defaults("Gate-2"));
        OnvifException e = assertThrows(OnvifException.class,
                () -> connect(sim, new OnvifCredentials("admin", "wrong")));
        assertEquals(OnvifErrorKind.NOT_AUTHORIZED, e.kind(), e.toString());
    }

    @Test
    @DisplayName("A camera requiring HTTP Digest accepts the right password and answers NOT_AUTHORIZED to a wrong one")
    void httpDigestCamera() throws Exception {
        SimulatedCamera sim = start(CameraSimOptions.defaults("Gate-3")
                .withAuthMode(CameraSimOptions.AuthMode.HTTP_DIGEST));
        assertEquals("SimCam-1", connect(sim, GOOD).description().deviceInformation().model());
        OnvifException e = assertThrows(OnvifException.class,
                () -> connect(sim, new OnvifCredentials("admin", "nope")));
        assertEquals(OnvifErrorKind.NOT_AUTHORIZED, e.kind(), e.toString());
    }

    @Test
    @DisplayName("A triggered motion arrives through PullMessages and decodes to a MOTION event, even under another topic prefix")
    void motionEventArrives() throws Exception {
        // GIVEN a camera binding the ONVIF topics namespace to "onvif" instead of "tns1", and a subscription
        SimulatedCamera sim = start(CameraSimOptions.defaults("Gate-4").withTopicPrefix("onvif"));
        OnvifCamera cam = connect(sim, GOOD);
        PullPointSubscription sub = cam.subscribe(Duration.ofSeconds(600));
        OnvifEventMapper mapper = new OnvifEventMapper(OnvifTopicProfile.generic());
        // the Initialized (quiet) state comes first and maps to nothing
        assertTrue(mapper.mapAll("cam-4", sub.pullMessages(Duration.ofSeconds(1), 10).messages()).isEmpty());
        // WHEN motion starts during a long poll
        Thread trigger = new Thread(() -> {
            sleep(300);
            sim.triggerMotion(true);
        });
        trigger.start();
        Instant before = Instant.now();
        PullMessagesResult r = sub.pullMessages(Duration.ofSeconds(10), 10);
        // THEN the long poll returns early with the event, decoded as MOTION
        assertTrue(Duration.between(before, Instant.now()).toSeconds() < 5, "long poll should return on the event");
        List<DeviceEvent> events = mapper.mapAll("cam-4", r.messages());
        assertEquals(1, events.size(), r.toString());
        assertEquals(EventType.MOTION, events.get(0).type());
        assertTrue(events.get(0).detail().contains("IsMotion=true"));
        // AND a tamper and a motion end follow
        sim.triggerTamper();
        sim.triggerMotion(false);
        List<DeviceEvent> more = mapper.mapAll("cam-4", sub.pullMessages(Duration.ofSeconds(2), 10).messages());
        assertEquals(List.of(EventType.TAMPER, EventType.MOTION_CLEARED), more.stream().map(DeviceEvent::type).toList());
        sub.unsubscribe();
    }

    @Test
    @DisplayName("An empty long poll waits for its timeout and returns no messages")
    void emptyLongPollWaits() throws Exception {
        SimulatedCamera sim = start(CameraSimOptions.defaults("Gate-5"));
        PullPointSubscription sub = connect(sim, GOOD).subscribe(Duration.ofSeconds(60));
        sub.pullMessages(Duration.ofSeconds(1), 10); // drain the Initialized state
        Instant before = Instant.now();
        PullMessagesResult r = sub.pullMessages(Duration.ofSeconds(2), 10);
        assertTrue(r.messages().isEmpty());
        assertTrue(Duration.between(before, Instant.now()).toMillis() >= 1800, "camera should hold the poll");
    }

    @Test
    @DisplayName("Renew moves the termination time forward to now + the requested seconds")
    void renewExtends() throws Exception {
        SimulatedCamera sim = start(CameraSimOptions.defaults("Gate-6"));
        PullPointSubscription sub = connect(sim, GOOD).subscribe(Duration.ofSeconds(10));
        Instant first = sub.terminationTime();
        Instant renewed = sub.renew(Duration.ofSeconds(600));
        assertTrue(renewed.isAfter(first.plusSeconds(500)), first + " -> " + renewed);
    }

    @Test
    @DisplayName("After a camera reboot the old subscription answers RESOURCE_UNKNOWN and a new one works")
    void rebootDropsSubscription() throws Exception {
        SimulatedCamera sim = start(CameraSimOptions.defaults("Gate-7"));
        OnvifCamera cam = connect(sim, GOOD);
        PullPointSubscription old = cam.subscribe(Duration.ofSeconds(600));
        sim.reboot();
        OnvifException e = assertThrows(OnvifException.class, () -> old.pullMessages(Duration.ofSeconds(1), 10));
        assertEquals(OnvifErrorKind.RESOURCE_UNKNOWN, e.kind(), e.toString());
        assertEquals(OnvifErrorKind.RESOURCE_UNKNOWN,
                assertThrows(OnvifException.class, () -> old.renew(Duration.ofSeconds(60))).kind());
        PullPointSubscription fresh = cam.subscribe(Duration.ofSeconds(600));
        assertFalse(fresh.address().equals(old.address()), "a new subscription must get a new address");
        fresh.pullMessages(Duration.ofSeconds(1), 10);
    }

    @Test
    @DisplayName("A subscription left to expire answers RESOURCE_UNKNOWN")
    void expiredSubscription() throws Exception {
        SimulatedCamera sim = start(CameraSimOptions.defaults("Gate-8"));
        PullPointSubscription sub = connect(sim, GOOD).subscribe(Duration.ofSeconds(1));
        sleep(2200);
        assertEquals(OnvifErrorKind.RESOURCE_UNKNOWN,
                assertThrows(OnvifException.class, () -> sub.pullMessages(Duration.ofSeconds(1), 10)).kind());
    }

    @Test
    @DisplayName("Unsubscribe removes the subscription from the camera")
    void unsubscribe() throws Exception {
        SimulatedCamera sim = start(CameraSimOptions.defaults("Gate-9"));
        PullPointSubscription sub = connect(sim, GOOD).subscribe(Duration.ofSeconds(60));
        assertEquals(1, sim.activeSubscriptions());
        sub.unsubscribe();
        assertEquals(0, sim.activeSubscriptions());
        assertEquals(OnvifErrorKind.RESOURCE_UNKNOWN,
                assertThrows(OnvifException.class, () -> sub.pullMessages(Duration.ofSeconds(1), 1)).kind());
    }

    @Test
    @DisplayName("The snapshot fetch returns the camera's JPEG through HTTP Digest")
    void snapshot() throws Exception {
        SimulatedCamera sim = start(CameraSimOptions.defaults("Gate-10"));
        byte[] jpeg = connect(sim, GOOD).snapshot();
        assertEquals((byte) 0xFF, jpeg[0]);
        assertEquals((byte) 0xD8, jpeg[1]);
        assertEquals(sim.snapshotJpeg().length, jpeg.length);
    }

    @Test
    @DisplayName("A snapshot larger than the size limit is refused as BAD_RESPONSE / PAYLOAD_TOO_LARGE")
    void snapshotSizeLimit() throws Exception {
        SimulatedCamera sim = start(CameraSimOptions.defaults("Gate-11"));
        OnvifClientOptions small = OnvifClientOptions.defaults().withMaxSnapshotBytes(100);
        OnvifCamera cam = OnvifCamera.connect(sim.deviceServiceUri(), GOOD, small);
        OnvifException e = assertThrows(OnvifException.class, cam::snapshot);
        assertEquals(OnvifErrorKind.BAD_RESPONSE, e.kind());
        assertEquals(DecodeFailure.PAYLOAD_TOO_LARGE, e.decodeFailure().reason());
    }

    @Test
    @DisplayName("A WS-Discovery probe to the responder's loopback port finds the camera's XAddr and identity")
    void discovery() throws Exception {
        SimulatedCamera sim = start(CameraSimOptions.defaults("Gate-12"));
        WsDiscoveryProbe probe = new WsDiscoveryProbe(new InetSocketAddress("127.0.0.1", sim.discoveryPort()));
        List<ProbeMatch> found = probe.probe(Duration.ofMillis(1500));
        assertEquals(1, found.size());
        assertEquals(List.of(sim.deviceServiceUri()), found.get(0).xaddrs());
        assertEquals(sim.endpointReference(), found.get(0).endpointReference());
        assertTrue(found.get(0).scopes().contains("onvif://www.onvif.org/name/Gate-12"));
    }

    @Test
    @DisplayName("A camera that is not listening gives a TRANSPORT error, not a hang")
    void connectionRefused() throws Exception {
        SimulatedCamera sim = start(CameraSimOptions.defaults("Gate-13"));
        URI uri = sim.deviceServiceUri();
        sim.stop();
        OnvifException e = assertThrows(OnvifException.class,
                () -> OnvifCamera.connect(uri, GOOD, OnvifClientOptions.defaults()));
        assertEquals(OnvifErrorKind.TRANSPORT, e.kind(), e.toString());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
