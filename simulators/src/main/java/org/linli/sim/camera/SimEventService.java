package org.linli.sim.camera;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.linli.drivers.onvif.Dom;
import org.linli.drivers.onvif.OnvifException;
import org.linli.drivers.onvif.XsdTime;
import org.w3c.dom.Element;

/** The events service and subscription manager of a simulated camera: create, long-poll, renew, unsubscribe. */
final class SimEventService {
    private static final Duration DEFAULT_TERMINATION = Duration.ofSeconds(60);

    private final CameraSimOptions options;
    private final Supplier<Instant> clock;
    private final EventResponses responses;
    private final Supplier<List<SimEvent>> initialState;
    private final SimSubscriptions subscriptions = new SimSubscriptions();
    private final DatatypeFactory datatypes;
    private final java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger renewed = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean pullsHung;

    SimEventService(CameraSimOptions options, Supplier<Instant> clock, EventResponses responses,
            Supplier<List<SimEvent>> initialState) {
        this.options = options;
        this.clock = clock;
        this.responses = responses;
        this.initialState = initialState;
        try {
            this.datatypes = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CreatePullPointSubscription; queues Initialized messages with the current state, as cameras do. */
    SimAnswer create(Element request) {
        Instant now = clock.get();
        Instant termination;
        try {
            termination = terminationFrom(Dom.pathText(request, "InitialTerminationTime"), now);
        } catch (IllegalArgumentException | OnvifException e) {
            return SimAnswer.senderFault(SimSoap.invalidArgs("bad InitialTerminationTime: " + e.getMessage()));
        }
        SimSubscription s = subscriptions.create(termination, initialState.get());
        created.incrementAndGet();
        return ok(responses.created(s, now));
    }

    /** An operation on /onvif/subscription/<id>. */
    SimAnswer onSubscription(int id, String op, Element request) throws InterruptedException {
        Instant now = clock.get();
        SimSubscription s = subscriptions.find(id, now);
        if (s == null) {
            return SimAnswer.senderFault(SimSoap.resourceUnknown(responses.subscriptionAddress(id)));
        }
        try {
            switch (op) {
                case "PullMessages" -> {
                    return pull(s, request);
                }
                case "Renew" -> {
                    s.setTerminationTime(terminationFrom(Dom.pathText(request, "TerminationTime"), now));
                    renewed.incrementAndGet();
                    return ok(responses.renewed(s, now));
                }
                case "Unsubscribe" -> {
                    subscriptions.remove(id);
                    return ok(responses.unsubscribed());
                }
                default -> {
                    return SimAnswer.receiverFault(SimSoap.actionNotSupported(op));
                }
            }
        } catch (IllegalArgumentException | OnvifException e) {
            return SimAnswer.senderFault(SimSoap.invalidArgs(op + ": " + e.getMessage()));
        }
    }

    /** While set, PullMessages requests are held unanswered (event firmware that hangs), until cleared or closed. */
    void hangPulls(boolean hung) {
        pullsHung = hung;
    }

    private SimAnswer pull(SimSubscription s, Element request) throws InterruptedException, OnvifException {
        while (pullsHung && !s.isClosed()) {
            Thread.sleep(50);
        }
        Duration timeout = duration(Dom.pathText(request, "Timeout"), Duration.ofSeconds(10), clock.get());
        if (timeout.compareTo(options.maxPullTimeout()) > 0) {
            timeout = options.maxPullTimeout();
        }
        String limitText = Dom.pathText(request, "MessageLimit");
        int limit = limitText.isEmpty() ? 100 : Integer.parseInt(limitText);
        // wait no longer than the subscription lives, so an expiring subscription is reported promptly
        Duration untilEnd = Duration.between(clock.get(), s.terminationTime());
        List<SimEvent> events = s.poll(untilEnd.isNegative() ? Duration.ZERO : min(timeout, untilEnd), limit);
        if (s.isClosed() && events.isEmpty()) { // unsubscribed or camera rebooted while we waited
            return SimAnswer.senderFault(SimSoap.resourceUnknown(responses.subscriptionAddress(s.id)));
        }
        return ok(responses.pulled(s, clock.get(), events));
    }

    String eventProperties() {
        return responses.eventProperties();
    }

    void publish(SimEvent e) {
        subscriptions.publish(e, clock.get());
    }

    void dropAll() {
        subscriptions.clear();
    }

    int created() {
        return created.get();
    }

    int renewed() {
        return renewed.get();
    }

    int count() {
        return subscriptions.size();
    }

    /** An xs:duration ("PT600S", "PT10M", "P0Y0M0DT0H1M0S") from now, or an absolute xs:dateTime. */
    private Instant terminationFrom(String text, Instant now) throws OnvifException {
        if (text.isEmpty()) {
            return now.plus(DEFAULT_TERMINATION);
        }
        if (text.startsWith("P") || text.startsWith("-P")) {
            return now.plus(duration(text, DEFAULT_TERMINATION, now));
        }
        return XsdTime.parse(text);
    }

    private Duration duration(String text, Duration fallback, Instant now) {
        if (text.isEmpty()) {
            return fallback;
        }
        return Duration.ofMillis(datatypes.newDuration(text).getTimeInMillis(java.util.Date.from(now)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private SimAnswer ok(String body) {
        return SimAnswer.ok(body, options.topicPrefix());
    }
}
