package org.linli.sim.camera;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linli.drivers.model.EventType;
import org.linli.drivers.onvif.OnvifClientOptions;
import org.linli.drivers.onvif.OnvifCredentials;
import org.linli.drivers.onvif.OnvifErrorKind;
import org.linli.drivers.onvif.OnvifTopicProfile;
import org.linli.gateway.camera.CameraSupervisor;
import org.linli.gateway.camera.SupervisorSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The camera supervisor against the simulated camera over loopback HTTP: lifecycle of FIELD-NOTES §4. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CameraSupervisorTest {
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private SimulatedCamera camera(CameraSimOptions options) throws Exception {
        SimulatedCamera cam = new SimulatedCamera(options).start();
        open.add(cam);
        return cam;
    }

    private CameraSupervisor supervise(SimulatedCamera cam, String password, Duration subscription,
                                       Duration reconnectMax, RecordingObserver observer) {
        return supervise(cam, password, subscription, reconnectMax, 3, OnvifClientOptions.defaults(), observer);
    }

    private CameraSupervisor supervise(SimulatedCamera cam, String password, Duration subscription, Duration reconnectMax,
                                       int timeoutsBeforeRecreate, OnvifClientOptions client, RecordingObserver observer) {
        SupervisorSettings s = new SupervisorSettings("cam-7-gate", cam.deviceServiceUri(),
                new OnvifCredentials("admin", password), OnvifTopicProfile.generic(), Duration.ofSeconds(2), subscription,
                Duration.ofMillis(200), reconnectMax, timeoutsBeforeRecreate, client);
        CameraSupervisor sup = new CameraSupervisor(s, observer).start();
        open.add(sup);
        return sup;
    }

    /** Waits (Awaitility, checking every 50 ms on the test thread) until {@code condition} holds, or fails. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        try {
            Awaitility.await(what).atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            fail("timed out after " + timeout + " waiting for " + what);
        }
    }

    /**
     * Checks that {@code condition} stays true for the whole {@code period} (checked every 50 ms): how a test says that
     * something did NOT happen, e.g. no second attempt, no second alert.
     */
    static void holds(String what, Duration period, BooleanSupplier condition) {
        try {
            Awaitility.await(what).during(period).atMost(period.plusSeconds(5)).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            fail("did not hold for " + period + ": " + what);
        }
    }

    private static long count(RecordingObserver o, EventType type) {
        return o.events.stream().filter(e -> e.type() == type).count();
    }

    @Test
    @DisplayName("connects, subscribes, delivers motion and tamper as camera events, and renews a 4 s subscription before it expires")
    void connectEventsAndRenewal() throws Exception {
        // GIVEN a camera and a supervisor asking for 4 s subscriptions
        SimulatedCamera cam = camera(CameraSimOptions.defaults("Gate-7"));
        RecordingObserver o = new RecordingObserver();
        CameraSupervisor sup = supervise(cam, "admin123", Duration.ofSeconds(4), Duration.ofSeconds(2), o);
        await("subscribed", Duration.ofSeconds(10), () -> o.subscriptions.size() == 1 && o.alive.get() > 0);
        assertEquals("SimCam-1", o.connected.get(0).deviceInformation().model());
        assertTrue(sup.camera().orElseThrow().description().snapshotUri().isPresent(), "snapshot URI kept");

        // WHEN motion and tamper happen
        cam.triggerMotion(true);
        cam.triggerTamper();
        // THEN they arrive decoded by the generic topic profile, with the camera's id
        await("motion and tamper", Duration.ofSeconds(10), () -> count(o, EventType.MOTION) == 1 && count(o, EventType.TAMPER) == 1);
        assertEquals("cam-7-gate", o.events.get(0).deviceId());

        // WHEN the subscription's original 4 s lifetime has long passed (6 s), it stays the one subscription, never recreated
        holds("one subscription, never recreated", Duration.ofSeconds(6),
                () -> cam.subscriptionsCreated() == 1 && sup.counters().recreations() == 0);
        // THEN it was renewed in time
        assertTrue(cam.renewals() >= 1, "renewals " + cam.renewals());
        assertEquals(1, cam.subscriptionsCreated(), "no new subscription needed");
        assertEquals(0, sup.counters().recreations());
        assertEquals(1, o.subscriptions.size());
        // and events still flow on it
        cam.triggerMotion(false);
        await("motion cleared", Duration.ofSeconds(10), () -> count(o, EventType.MOTION_CLEARED) == 1);
    }

    @Test
    @DisplayName("after a camera reboot the supervisor creates a new subscription at a new address and events flow again")
    void rebootRecreatesSubscription() throws Exception {
        // GIVEN a supervised camera with a live subscription
        SimulatedCamera cam = camera(CameraSimOptions.defaults("Gate-7"));
        RecordingObserver o = new RecordingObserver();
        CameraSupervisor sup = supervise(cam, "admin123", Duration.ofSeconds(600), Duration.ofSeconds(2), o);
        await("subscribed", Duration.ofSeconds(10), () -> o.subscriptions.size() == 1);

        // WHEN the camera reboots (it forgets every subscription)
        cam.reboot();
        // THEN the supervisor recreates its subscription, at a different address
        await("recreated", Duration.ofSeconds(15), () -> o.subscriptions.size() >= 2);
        assertNotEquals(o.subscriptions.get(0), o.subscriptions.get(1), "never reuse an old subscription address");
        assertTrue(sup.counters().recreations() >= 1);
        assertEquals(2, cam.subscriptionsCreated());
        // and a tamper after the reboot arrives
        cam.triggerTamper();
        await("tamper after reboot", Duration.ofSeconds(10), () -> count(o, EventType.TAMPER) == 1);
        assertEquals(1, sup.counters().connects(), "the subscription was replaced without a full reconnect");
    }

    @Test
    @DisplayName("PullMessages left unanswered: after N time-outs in a row the supervisor subscribes anew, without reconnecting, and events flow again")
    void hungPullsRecreateSubscription() throws Exception {
        // GIVEN a supervised camera (2 s polls, 1 s request margin, a new subscription after 2 time-outs in a row)
        SimulatedCamera cam = camera(CameraSimOptions.defaults("Gate-7"));
        RecordingObserver o = new RecordingObserver();
        CameraSupervisor sup = supervise(cam, "admin123", Duration.ofSeconds(600), Duration.ofSeconds(2), 2,
                OnvifClientOptions.defaults().withRequestTimeout(Duration.ofSeconds(1)), o);
        await("subscribed", Duration.ofSeconds(10), () -> o.subscriptions.size() == 1);

        // WHEN the camera's event service stops answering PullMessages (no fault, no answer at all)
        cam.hangPullMessages(true);
        // THEN after two time-outs the supervisor gives that subscription up and creates a new one, at a new address
        await("a new subscription after the time-outs", Duration.ofSeconds(40), () -> o.subscriptions.size() >= 2);
        long timeouts = sup.counters().toJson().getLong("pullTimeouts");
        assertTrue(timeouts >= 2, "time-outs counted: " + timeouts);
        assertTrue(sup.counters().recreations() >= 1);
        assertNotEquals(o.subscriptions.get(0), o.subscriptions.get(1), "never reuse an old subscription address");
        assertEquals(1, sup.counters().connects(), "the subscription was replaced without a full reconnect");

        // AND once the camera answers again, events flow on the new subscription
        cam.hangPullMessages(false);
        cam.triggerTamper();
        await("tamper after the hang", Duration.ofSeconds(15), () -> count(o, EventType.TAMPER) >= 1);
    }

    @Test
    @DisplayName("a wrong password is reported as NOT_AUTHORIZED once and retried only at the longest back-off, not in a loop")
    void wrongPassword() throws Exception {
        // GIVEN a camera and a supervisor with the wrong password and a 30 s longest back-off
        SimulatedCamera cam = camera(CameraSimOptions.defaults("Gate-7"));
        RecordingObserver o = new RecordingObserver();
        CameraSupervisor sup = supervise(cam, "wrong", Duration.ofSeconds(600), Duration.ofSeconds(30), o);
        // WHEN it tries
        await("refused", Duration.ofSeconds(10), () -> !o.connectFailures.isEmpty());
        holds("no second attempt within 2 s", Duration.ofSeconds(2), () -> sup.counters().connectFailures() == 1);
        // THEN it was told NOT_AUTHORIZED, and did not hammer the camera meanwhile
        assertEquals(OnvifErrorKind.NOT_AUTHORIZED, o.connectFailures.get(0).kind());
        assertEquals(1, sup.counters().connectFailures(), "one attempt, then a long wait");
        assertTrue(o.connected.isEmpty());
        assertEquals(0, cam.activeSubscriptions());
    }
}
