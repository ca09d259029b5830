package org.linli.gateway.mqtt;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Watches each subscription for "no data for N expected intervals" (FIELD-NOTES §3): a subscription that a broker
 * silently stopped delivering looks exactly like quiet devices, unless someone counts the silence. One log line
 * and one listener call per state change: {@link MqttIngest}'s listener subscribes a STALE subscription again.
 * Event-loop confined; {@link #check()} is called periodically.
 */
public final class SubscriptionWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionWatchdog.class);

    public enum State { RECEIVING, STALE }

    private final Clock clock;
    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private final BiConsumer<Subscription, State> onChange;

    private static final class Watched {
        final Subscription subscription;
        Instant since;
        Instant lastMessage;
        long messages;
        State state = State.RECEIVING;

        Watched(Subscription subscription, Instant since) {
            this.subscription = subscription;
            this.since = since;
        }
    }

    public SubscriptionWatchdog(Clock clock, List<Subscription> subscriptions, BiConsumer<Subscription, State> onChange) {
        this.clock = clock;
        this.onChange = onChange;
        Instant now = clock.instant();
        subscriptions.forEach(s -> watched.put(s.profile(), new Watched(s, now)));
    }

    public void messageOn(String profile) {
        Watched w = watched.get(profile);
        if (w == null) {
            return;
        }
        w.lastMessage = clock.instant();
        w.messages++;
        if (w.state == State.STALE) {
            change(w, State.RECEIVING);
        }
    }

    /** After a (re)connect the silence clock restarts: the broker had no chance to deliver while we were away. */
    public void restartClocks() {
        Instant now = clock.instant();
        watched.values().forEach(w -> w.since = now);
    }

    public void check() {
        Instant now = clock.instant();
        for (Watched w : watched.values()) {
            Instant reference = w.lastMessage == null || w.lastMessage.isBefore(w.since) ? w.since : w.lastMessage;
            boolean silent = Duration.between(reference, now).compareTo(w.subscription.staleAfter()) >= 0;
            if (silent && w.state == State.RECEIVING) {
                change(w, State.STALE);
            }
        }
    }

    private void change(Watched w, State state) {
        w.state = state;
        if (state == State.STALE) {
            LOG.warn("no data on {} ({}) for {} expected intervals of {}", w.subscription.topic().filter(),
                    w.subscription.profile(), w.subscription.missedIntervals(), w.subscription.expectedInterval());
        } else {
            LOG.info("data on {} ({}) again", w.subscription.topic().filter(), w.subscription.profile());
        }
        onChange.accept(w.subscription, state);
    }

    public State state(String profile) {
        return watched.get(profile).state;
    }

    public JsonArray toJson() {
        JsonArray out = new JsonArray();
        for (Watched w : watched.values()) {
            out.add(new JsonObject()
                    .put("profile", w.subscription.profile())
                    .put("filter", w.subscription.topic().filter())
                    .put("qos", w.subscription.qos())
                    .put("state", w.state.name())
                    .put("messages", w.messages)
                    .put("lastMessage", w.lastMessage == null ? null : w.lastMessage.toString())
                    .put("staleAfterSeconds", w.subscription.staleAfter().toSeconds()));
        }
        return out;
    }
}
