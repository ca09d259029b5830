package org.linli.gateway.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.alert.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Feeds one channel within its rate limit. Two lanes: life-safety alerts, one message each, always first; minor
 * alerts, collected for the digest window and sent as one digest, and only while a quarter of the window's budget
 * stays free for life-safety. One request in flight at a time. A transient failure pauses the channel for a growing
 * back-off and retries the same message, up to the attempt limit; a throttle answer (130101, 429) pauses it as long
 * as the receiver says. While the channel is blocked or failing, waiting life-safety alerts are handed to the
 * fallback channel; minor alerts wait and are digested later. Every attempt and decision goes to the delivery log.
 * Confined to the event-loop context that created it.
 */
final class ChannelDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelDispatcher.class);

    private static final class Pending {
        final Notice notice;
        int attempt;

        Pending(Notice notice) {
            this.notice = notice;
        }
    }

    private final Vertx vertx;
    private final Channel channel;
    private final Clock clock;
    private final DispatchPolicy policy;
    private final SlidingWindowLimiter limiter;
    private final DeliveryLog log;
    private final AlertMessages messages;
    private ChannelDispatcher fallback;

    private final Deque<Pending> urgent = new ArrayDeque<>();
    private final Deque<Pending> minorRetry = new ArrayDeque<>();
    private final List<Alert> minor = new ArrayList<>();
    private Instant minorDueAt;
    private Pending inFlight;
    private Instant pausedUntil;
    private boolean blocked;
    private boolean failing;
    private long timerId = -1;
    private boolean pumpScheduled;

    ChannelDispatcher(Vertx vertx, Channel channel, Clock clock, DispatchPolicy policy, DeliveryLog log,
                      AlertMessages messages) {
        this.vertx = vertx;
        this.channel = channel;
        this.clock = clock;
        this.policy = policy;
        this.limiter = new SlidingWindowLimiter(policy.limit(), policy.window());
        this.log = log;
        this.messages = messages;
    }

    String id() {
        return channel.id();
    }

    void fallback(ChannelDispatcher fallback) {
        this.fallback = fallback;
    }

    /** Queues an alert version; sending happens on the next event-loop turn so a burst is sorted by urgency first. */
    void submit(Alert a, boolean repeat) {
        if (a.severity().isLifeSafety()) {
            urgent.addLast(new Pending(Notice.single(a, repeat)));
        } else {
            addMinor(a);
        }
        schedulePump();
    }

    private void addMinor(Alert a) {
        if (policy.digests()) {
            // A newer version of an alert already waiting replaces it: one digest line per alert, with its latest count.
            for (int i = 0; i < minor.size(); i++) {
                if (minor.get(i).id().equals(a.id())) {
                    minor.set(i, a);
                    return;
                }
            }
        }
        minor.add(a);
        if (minorDueAt == null) {
            minorDueAt = policy.digests() ? clock.instant().plus(policy.digestWindow()) : clock.instant();
        }
    }

    /** A life-safety notice another channel could not deliver. */
    void forward(Notice notice, String from) {
        urgent.addLast(new Pending(notice.forwardedFrom(from)));
        schedulePump();
    }

    private void schedulePump() {
        if (!pumpScheduled) {
            pumpScheduled = true;
            vertx.runOnContext(v -> {
                pumpScheduled = false;
                pump();
            });
        }
    }

    private void pump() {
        if (inFlight != null) {
            return;
        }
        cancelTimer();
        Instant now = clock.instant();
        if (pausedUntil != null && now.isBefore(pausedUntil)) {
            if (blocked || failing) {
                handOffUrgent(now);
            }
            arm(Duration.between(now, pausedUntil));
            return;
        }
        if (pausedUntil != null) {
            LOG.info("notify channel {} resumes after its pause", id());
            pausedUntil = null;
            blocked = false;
        }
        Pending next = next(now);
        if (next != null) {
            send(next);
            return;
        }
        Duration wait = nextWake(now);
        if (wait != null) {
            arm(wait);
        }
    }

    private Pending next(Instant now) {
        int free = limiter.free(now);
        if (free <= 0) {
            return null;
        }
        if (!urgent.isEmpty()) {
            return urgent.pollFirst();
        }
        boolean minorDue = !minorRetry.isEmpty() || (!minor.isEmpty() && !now.isBefore(minorDueAt));
        if (!minorDue || free <= policy.reserveForLifeSafety()) {
            return null;
        }
        if (!minorRetry.isEmpty()) {
            return minorRetry.pollFirst();
        }
        int n = policy.digests() ? messages.digestCapacity(minor, channel.maxMessageBytes()) : 1;
        List<Alert> taken = new ArrayList<>(minor.subList(0, n));
        minor.subList(0, n).clear();
        if (minor.isEmpty()) {
            minorDueAt = null;
        }
        return new Pending(n == 1 ? Notice.single(taken.get(0), false) : Notice.digest(taken));
    }

    /** When to look again: a slot frees for waiting life-safety alerts, or the digest falls due and has budget. */
    private Duration nextWake(Instant now) {
        Duration wait = null;
        if (!urgent.isEmpty()) {
            wait = limiter.untilFree(1, now);
        }
        if (!minorRetry.isEmpty() || !minor.isEmpty()) {
            Duration due = minorRetry.isEmpty() ? Duration.between(now, minorDueAt) : Duration.ZERO;
            Duration budget = limiter.untilFree(policy.reserveForLifeSafety() + 1, now);
            if (budget != null) {
                Duration m = due.compareTo(budget) > 0 ? due : budget;
                wait = wait == null || m.compareTo(wait) < 0 ? m : wait;
            }
        }
        return wait;
    }

    private void send(Pending p) {
        inFlight = p;
        p.attempt++;
        limiter.begin();
        Future<DeliveryResult> result;
        try {
            result = channel.send(p.notice);
        } catch (RuntimeException e) {
            result = Future.succeededFuture(RobotAnswers.noAnswer(e));
        }
        result.otherwise(RobotAnswers::noAnswer).onComplete(ar -> {
            Instant done = clock.instant();
            limiter.end(done);
            inFlight = null;
            handle(p, ar.result(), done);
            pump();
        });
    }

    private void handle(Pending p, DeliveryResult r, Instant now) {
        log.record(p.notice, id(), p.attempt, now, r.outcome().name(), r.httpStatus(), r.errcode(), r.message());
        switch (r.outcome()) {
            case DELIVERED -> {
                if (failing) {
                    LOG.info("notify channel {} delivers again", id());
                }
                failing = false;
            }
            case THROTTLED -> {
                pause(now, r.pause(), true, "throttled by the receiver (" + r.message() + ")");
                p.attempt--; // refused unread: not an attempt against the limit
                requeueFront(p);
            }
            case RETRY -> {
                if (p.attempt >= policy.maxAttempts()) {
                    giveUp(p, now, "no success after " + p.attempt + " attempts: " + r.message());
                } else {
                    pause(now, policy.backoff(p.attempt), false, "attempt " + p.attempt + " failed (" + r.message() + ")");
                    requeueFront(p);
                }
            }
            case REJECTED -> giveUp(p, now, "rejected: " + r.message());
        }
    }

    private void requeueFront(Pending p) {
        (p.notice.lifeSafety() ? urgent : minorRetry).addFirst(p);
    }

    private void pause(Instant now, Duration d, boolean throttled, String why) {
        pausedUntil = now.plus(d);
        blocked = throttled;
        LOG.warn("notify channel {} paused until {}: {}", id(), pausedUntil, why);
    }

    private void giveUp(Pending p, Instant now, String why) {
        failing = true;
        log.record(p.notice, id(), p.attempt, now, DeliveryLog.FAILED, 0, null, why);
        LOG.warn("notify channel {} gave up on a message about {} alert(s) ({}): {}", id(), p.notice.alerts().size(),
                p.notice.first().id(), why);
        if (p.notice.lifeSafety()) {
            forwardToFallback(p.notice, now);
        }
    }

    private boolean forwardToFallback(Notice notice, Instant now) {
        if (fallback == null || notice.forwardedFrom() != null) {
            return false;
        }
        log.record(notice, id(), 0, now, DeliveryLog.FORWARDED, 0, null, "to fallback channel " + fallback.id());
        fallback.forward(notice, id());
        return true;
    }

    private void handOffUrgent(Instant now) {
        for (Iterator<Pending> it = urgent.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (forwardToFallback(p.notice, now)) {
                it.remove();
            }
        }
    }

    private void arm(Duration d) {
        timerId = vertx.setTimer(Math.max(1, d.toMillis() + 1), id -> {
            timerId = -1;
            pump();
        });
    }

    private void cancelTimer() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    /** Nothing queued and nothing in flight. */
    boolean idle() {
        return inFlight == null && urgent.isEmpty() && minor.isEmpty() && minorRetry.isEmpty();
    }

    JsonObject status() {
        int queuedMinor = minor.size() + minorRetry.stream().mapToInt(p -> p.notice.alerts().size()).sum();
        return new JsonObject()
                .put("type", channel.type())
                .put("queuedLifeSafety", urgent.size())
                .put("queuedMinor", queuedMinor)
                .put("inFlight", inFlight != null)
                .put("pausedUntil", pausedUntil == null ? null : pausedUntil.toString())
                .put("blocked", blocked && pausedUntil != null)
                .put("failing", failing)
                .put("ratePerWindow", policy.limit())
                .put("windowSeconds", policy.window().toSeconds())
                .put("fallback", fallback == null ? null : fallback.id())
                .put("counters", log.counters(id()));
    }
}
