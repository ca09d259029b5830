package org.linli.gateway.camera;

import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.onvif.OnvifCamera;
import org.linli.drivers.onvif.OnvifErrorKind;
import org.linli.drivers.onvif.OnvifEventMapper;
import org.linli.drivers.onvif.OnvifException;
import org.linli.drivers.onvif.PullMessagesResult;
import org.linli.drivers.onvif.PullPointSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The event lifecycle of one connected camera session (FIELD-NOTES §4): create a subscription → long-poll
 * PullMessages → Renew at ~80 % of the termination time → on a SOAP Fault, 404 or ResourceUnknown create a new
 * one (never reusing the old address) → after N PullMessages timeouts in a row, create a new one too.
 * Blocking; runs on the supervisor's thread. Returns normally only when told to stop; an exception means the
 * session is over (camera unreachable, credentials refused) and the supervisor reconnects.
 */
final class PullPointLoop {
    private static final Logger LOG = LoggerFactory.getLogger(PullPointLoop.class);
    private static final int MESSAGE_LIMIT = 100;

    private final SupervisorSettings s;
    private final OnvifCamera camera;
    private final OnvifEventMapper mapper;
    private final CameraObserver observer;
    private final SupervisorCounters counters;
    private final BooleanSupplier running;
    private volatile PullPointSubscription current;
    private int recreationsInARow;

    PullPointLoop(SupervisorSettings s, OnvifCamera camera, CameraObserver observer, SupervisorCounters counters,
                  BooleanSupplier running) {
        this.s = s;
        this.camera = camera;
        this.mapper = new OnvifEventMapper(s.topics());
        this.observer = observer;
        this.counters = counters;
        this.running = running;
    }

    /** Runs until stopped (returns) or the session is lost (throws). Calls onGoodPull after each answered pull. */
    void run(Runnable onGoodPull) throws OnvifException {
        while (running.getAsBoolean()) {
            PullPointSubscription sub = camera.subscribe(s.subscription());
            current = sub;
            counters.subscriptionsCreated.incrementAndGet();
            LOG.info("camera {}: subscribed at {} until {}", s.cameraId(), sub.address(), sub.terminationTime());
            observer.onSubscribed(sub.address());
            try {
                pullUntilBroken(sub, onGoodPull);
                return; // stopped
            } catch (OnvifException e) {
                if (!recreatable(e)) {
                    throw e;
                }
                counters.countRefusal(e);
                if (++recreationsInARow > SupervisorSettings.MAX_RECREATIONS_IN_A_ROW) {
                    throw new OnvifException(e.kind(), "subscription keeps failing: " + e.getMessage(), e);
                }
                counters.recreations.incrementAndGet();
                LOG.info("camera {}: subscription {} lost ({}: {}); creating a new one", s.cameraId(), sub.address(),
                        e.kind(), e.getMessage());
                if (e.kind() == OnvifErrorKind.TIMEOUT) {
                    unsubscribeQuietly(sub); // the camera may still hold it; do not leave it to pile up
                }
            }
        }
    }

    private void pullUntilBroken(PullPointSubscription sub, Runnable onGoodPull) throws OnvifException {
        Instant renewAt = renewAt(sub);
        int timeouts = 0;
        while (running.getAsBoolean()) {
            // PullMessages time-outs are whole seconds (at least one): renew once less than that is left, so that
            // no poll runs past the renewal time (with a short subscription it could outlive the subscription)
            if (!Instant.now().plusSeconds(1).isBefore(renewAt)) {
                Instant until = sub.renew(s.subscription());
                counters.renewals.incrementAndGet();
                LOG.debug("camera {}: renewed {} until {}", s.cameraId(), sub.address(), until);
                observer.onEventsChannelAlive();
                renewAt = renewAt(sub);
            }
            // never poll past the renewal time: a camera holding the poll would let the subscription expire
            Duration untilRenew = Duration.between(Instant.now(), renewAt);
            Duration wait = min(s.pollTimeout(), untilRenew.compareTo(Duration.ofSeconds(1)) < 0
                    ? Duration.ofSeconds(1) : untilRenew);
            PullMessagesResult r;
            try {
                counters.pulls.incrementAndGet();
                r = sub.pullMessages(wait, MESSAGE_LIMIT);
            } catch (OnvifException e) {
                if (e.kind() == OnvifErrorKind.TIMEOUT) {
                    counters.pullTimeouts.incrementAndGet();
                    if (++timeouts < s.timeoutsBeforeRecreate()) {
                        continue;
                    }
                }
                throw e;
            }
            timeouts = 0;
            recreationsInARow = 0;
            onGoodPull.run();
            observer.onEventsChannelAlive();
            List<DeviceEvent> events = mapper.mapAll(s.cameraId(), r.messages());
            if (!events.isEmpty()) {
                counters.events.addAndGet(events.size());
                observer.onEvents(events);
            }
        }
    }

    /** Now + 80 % of what is left of the subscription, judged on the camera's clock and never beyond what we asked. */
    private Instant renewAt(PullPointSubscription sub) {
        Instant cameraNow = Instant.now().plus(camera.description().clockOffset());
        Duration left = sub.terminationTime() == null ? s.subscription() : Duration.between(cameraNow, sub.terminationTime());
        if (left.compareTo(s.subscription()) > 0) {
            left = s.subscription();
        }
        if (left.compareTo(Duration.ofSeconds(1)) < 0) {
            left = Duration.ofSeconds(1);
        }
        return Instant.now().plusMillis((long) (left.toMillis() * SupervisorSettings.RENEW_AT));
    }

    /** Faults on the subscription itself: a new subscription fixes them. Everything else ends the session. */
    private static boolean recreatable(OnvifException e) {
        return e.kind() == OnvifErrorKind.RESOURCE_UNKNOWN || e.kind() == OnvifErrorKind.FAULT
                || e.kind() == OnvifErrorKind.BAD_RESPONSE || e.kind() == OnvifErrorKind.TIMEOUT;
    }

    /** Best effort on shutdown or before replacing a subscription that stopped answering. */
    void unsubscribeCurrent() {
        PullPointSubscription sub = current;
        if (sub != null) {
            unsubscribeQuietly(sub);
        }
    }

    private void unsubscribeQuietly(PullPointSubscription sub) {
        try {
            sub.unsubscribe();
        } catch (OnvifException e) {
            LOG.debug("camera {}: unsubscribe {} failed: {}", s.cameraId(), sub.address(), e.getMessage());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
