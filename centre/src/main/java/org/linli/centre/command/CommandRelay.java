package org.linli.centre.command;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.linli.centre.broker.BrokerLink;
import org.linli.centre.broker.Intake;
import org.linli.centre.site.CompoundRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Sends a command to one compound as an MQTT 5 request (contract: topic {@code .../command}, response topic
 * {@code linli/v1/centre/replies/{replica}}, correlation data = the request id) and matches the reply by that id.
 * Keeps "request id → waiting promise + its timer" and nothing else (the shape of the gateway's PendingAcceptances):
 * no reply within the timeout fails the promise with {@link CommandTimeoutException}; a late reply is ignored.
 * Event-loop confined (replies arrive through {@link Intake} on the event loop).
 */
public final class CommandRelay {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRelay.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** No reply came in time. */
    public static final class CommandTimeoutException extends RuntimeException {
        CommandTimeoutException(String message) {
            super(message, null, false, false);
        }
    }

    private record Pending(Promise<JsonObject> promise, long timer) {
    }

    private final Vertx vertx;
    private final Context context;
    private final BrokerLink link;
    private final String replyTopic;
    private final long timeoutMs;
    private final String prefix;
    private final Map<String, Pending> pending = new HashMap<>();
    private long sequence;

    public CommandRelay(Vertx vertx, Context context, BrokerLink link, String replica, long timeoutMs) {
        this.vertx = vertx;
        this.context = context;
        this.link = link;
        this.replyTopic = Intake.REPLIES + replica;
        this.timeoutMs = timeoutMs;
        this.prefix = replica + "-" + HexFormat.of().formatHex(randomBytes()) + "-";
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Publishes {@code command} to the compound; the future is the reply's JSON, or fails (timeout, not connected). */
    public Future<JsonObject> send(CompoundRef compound, JsonObject command) {
        String id = prefix + (++sequence);
        Promise<JsonObject> promise = Promise.promise();
        long timer = vertx.setTimer(timeoutMs, t -> {
            Pending p = pending.remove(id);
            if (p != null) {
                p.promise().tryFail(new CommandTimeoutException("no reply from " + compound.id() + " within "
                        + timeoutMs + " ms"));
            }
        });
        pending.put(id, new Pending(promise, timer));
        MqttProperties props = new MqttProperties();
        props.setResponseTopic(replyTopic);
        props.setCorrelationData(id.getBytes(StandardCharsets.UTF_8));
        link.publish(compound.topic("command"), command.encode().getBytes(StandardCharsets.UTF_8), false, props)
                .whenComplete((ok, e) -> {
                    if (e != null) {
                        context.runOnContext(v -> fail(id, e));
                    }
                });
        return promise.future();
    }

    private void fail(String id, Throwable e) {
        Pending p = pending.remove(id);
        if (p != null) {
            vertx.cancelTimer(p.timer());
            p.promise().tryFail(e);
        }
    }

    /** A message on the reply topic (event loop): completes the request with the same correlation data. */
    public void onReply(String topic, MqttMessage m, JsonObject payload) {
        byte[] corr = m.getProperties() == null ? null : m.getProperties().getCorrelationData();
        if (corr == null) {
            LOG.debug("a reply without correlation data on {}: ignored", topic);
            return;
        }
        Pending p = pending.remove(new String(corr, StandardCharsets.UTF_8));
        if (p == null) {
            return; // late (timed out) or a duplicate
        }
        vertx.cancelTimer(p.timer());
        p.promise().tryComplete(payload);
    }

    public int waiting() {
        return pending.size();
    }
}
