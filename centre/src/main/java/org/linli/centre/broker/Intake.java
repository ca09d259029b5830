package org.linli.centre.broker;

import io.vertx.core.Context;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.linli.centre.CentreMeters;
import org.linli.centre.picture.Picture;
import org.linli.centre.site.CompoundRef;
import org.linli.centre.site.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The picture link's {@link BrokerLink.Handler}: checks the size on Paho's thread, then on the event loop parses the
 * payload and routes it: {@code .../alert} and {@code .../summary} of a compound of the site file to the
 * {@link Picture}, replies to the {@code replies} consumer, notified markers to the {@code notified} consumer.
 * Unknown compounds (or a compound under another street or community than the site file says) are counted and kept
 * out of the picture; malformed or oversized payloads are counted and logged once per kind, never thrown.
 */
public final class Intake implements BrokerLink.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);
    public static final String REPLIES = "linli/v1/centre/replies/";
    public static final String NOTIFIED = "linli/v1/centre/notified/";

    /** What a reply or marker consumer receives: the message and its parsed payload (null for an empty marker). */
    public interface Consumer {
        void accept(String topic, MqttMessage message, JsonObject payload);
    }

    private final Context context;
    private final Topology topology;
    private final Picture picture;
    private final CentreMeters meters;
    private final int maxBytes;
    private final Consumer replies;
    private final Consumer notified;
    private final Set<String> loggedOnce = ConcurrentHashMap.newKeySet();

    public Intake(Context context, Topology topology, Picture picture, CentreMeters meters, int maxBytes,
                  Consumer replies, Consumer notified) {
        this.context = context;
        this.topology = topology;
        this.picture = picture;
        this.meters = meters;
        this.maxBytes = maxBytes;
        this.replies = replies;
        this.notified = notified;
    }

    @Override
    public void message(String topic, MqttMessage m, Runnable ack) {
        byte[] payload = m.getPayload();
        if (payload.length > maxBytes) {
            meters.message("oversize");
            once("oversize", "a payload of {} bytes on {} is over the limit of {} bytes: dropped "
                    + "(further ones only counted)",
                    payload.length, topic, maxBytes);
            return;
        }
        context.runOnContext(v -> route(topic, m, payload));
    }

    private void route(String topic, MqttMessage m, byte[] payload) {
        if (topic.startsWith(REPLIES)) {
            meters.message("reply");
            parse("reply", topic, payload, json -> replies.accept(topic, m, json));
            return;
        }
        if (topic.startsWith(NOTIFIED)) {
            meters.message("notified");
            if (payload.length == 0) {
                notified.accept(topic, m, null); // a cleared marker
            } else {
                parse("notified", topic, payload, json -> notified.accept(topic, m, json));
            }
            return;
        }
        String[] level = topic.split("/");
        if (level.length != 6 || !"linli".equals(level[0]) || !"v1".equals(level[1])) {
            meters.message("other");
            return;
        }
        String kind = level[5];
        CompoundRef c = topology.compound(level[4]).orElse(null);
        if (c == null || !c.street().equals(level[2]) || !c.community().equals(level[3])) {
            meters.message("unknown-compound");
            once("unknown:" + level[2] + "/" + level[3] + "/" + level[4], "{} messages from {}, which is not in the "
                    + "site file (or not under that street and community): counted, kept out of the picture",
                    kind, topic);
            return;
        }
        switch (kind) {
            case "alert" -> parse(kind, topic, payload, json -> {
                if (!(json.getValue("id") instanceof String) || !(json.getValue("version") instanceof Number)) {
                    meters.malformed(kind);
                    once("malformed:" + kind, "an alert on {} without a string id and a number version: dropped",
                            topic);
                    return;
                }
                meters.message(kind);
                picture.offerAlert(c, json);
            });
            case "summary" -> parse(kind, topic, payload, json -> {
                meters.message(kind);
                picture.offerSummary(c, json, m.isRetained());
            });
            default -> meters.message("other");
        }
    }

    private void parse(String kind, String topic, byte[] payload, java.util.function.Consumer<JsonObject> then) {
        JsonObject json;
        try {
            json = new JsonObject(new String(payload, StandardCharsets.UTF_8));
        } catch (DecodeException | ClassCastException e) {
            meters.malformed(kind);
            once("malformed:" + kind, "malformed JSON on {} ({}): dropped (further ones only counted in /metrics)",
                    topic, e.getMessage());
            return;
        }
        then.accept(json);
    }

    private void once(String key, String format, Object... args) {
        if (loggedOnce.size() < 10_000 && loggedOnce.add(key)) {
            LOG.warn(format, args);
        }
    }

    /**
     * The non-shared filters of the picture link: alerts and summaries of every street, the replica's replies, the
     * markers.
     */
    public static java.util.List<String> filters(Topology topology, String replica) {
        java.util.List<String> f = new java.util.ArrayList<>();
        for (String s : topology.streetIds()) {
            f.add("linli/v1/" + s + "/+/+/alert");
            f.add("linli/v1/" + s + "/+/+/summary");
        }
        f.add(REPLIES + replica);
        f.add(NOTIFIED + "#");
        return f;
    }

}
