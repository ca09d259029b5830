package org.linli.centre.escalation;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.linli.centre.CentreMeters;
import org.linli.centre.broker.BrokerLink;
import org.linli.centre.config.DutyRobotConfig;
import org.linli.centre.site.CompoundRef;
import org.linli.centre.site.Topology;
import org.linli.gateway.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The once-only work of the replicas: the work link's handler for the SHARED subscription
 * {@code $share/centre/linli/v1/+/+/+/alert} (each version goes to one replica). When a version first reaches
 * {@code centre.streetEscalationLevel} or higher, and the {@link NotifiedLedger} has not got that level for the alert,
 * it sends ONE message to the street's duty robot, then publishes the retained marker
 * {@code linli/v1/centre/notified/{compound}/{alertId}} {@code {"level":n}} that every replica reads into its ledger,
 * and only then acknowledges the message (manual acks): a replica killed before that leaves the version to another.
 * A robot that fails is tried 3 times with {@link Backoff}, then the failure is counted and logged.
 * <p>
 * Residual race (docs/CENTRE.md): two replicas handed two copies of the same version (a gateway resending after a
 * failover) within the time one needs to POST and publish its marker (~tens of ms) both notify. Event-loop confined.
 */
public final class EscalationWatch implements BrokerLink.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(EscalationWatch.class);
    public static final String SHARED_FILTER = "$share/centre/linli/v1/+/+/+/alert";
    static final int ATTEMPTS = 3;

    private final Vertx vertx;
    private final Context context;
    private final Topology topology;
    private final NotifiedLedger ledger;
    private final CentreMeters meters;
    private final int level;
    private final int maxBytes;
    private final String replica;
    private final RobotSender robots;
    /** (compound/id/level) being notified right now by this replica: a second copy arriving meanwhile waits for it. */
    private final Set<String> inFlight = new HashSet<>();
    private BrokerLink link;

    public EscalationWatch(Vertx vertx, Context context, Topology topology, NotifiedLedger ledger, CentreMeters meters,
                           int level, int maxBytes, String replica) {
        this.vertx = vertx;
        this.context = context;
        this.topology = topology;
        this.ledger = ledger;
        this.meters = meters;
        this.level = level;
        this.maxBytes = maxBytes;
        this.replica = replica;
        this.robots = new RobotSender(vertx.createHttpClient());
    }

    /** The link markers are published on (the picture link, which is connected for as long as the centre runs). */
    public void publishOn(BrokerLink markers) {
        this.link = markers;
    }

    @Override
    public void message(String topic, MqttMessage m, Runnable ack) {
        byte[] payload = m.getPayload();
        if (payload.length > maxBytes || topic.startsWith("linli/v1/centre/")) {
            ack.run();
            return;
        }
        context.runOnContext(v -> handle(topic, payload).onComplete(done -> ack.run()));
    }

    private Future<Void> handle(String topic, byte[] payload) {
        String[] lv = topic.split("/");
        CompoundRef c = lv.length == 6 ? topology.compound(lv[4]).orElse(null) : null;
        if (c == null) {
            return Future.succeededFuture();
        }
        JsonObject alert;
        try {
            alert = new JsonObject(new String(payload, StandardCharsets.UTF_8));
        } catch (DecodeException | ClassCastException e) {
            return Future.succeededFuture(); // counted by the picture link, which sees the same message
        }
        int reached = alert.getValue("escalationLevel") instanceof Number n ? n.intValue() : 0;
        String id = alert.getValue("id") instanceof String s ? s : null;
        if (id == null || reached < level) {
            return Future.succeededFuture();
        }
        String key = c.id() + "/" + id + "/" + reached;
        if (ledger.covers(c.id(), id, reached) || inFlight.contains(key)) {
            meters.notification("skipped-ledger");
            return Future.succeededFuture();
        }
        DutyRobotConfig robot = topology.dutyRobot(c.street()).orElse(null);
        if (robot == null) {
            meters.notification("no-robot");
            ledger.record(c.id(), id, reached);
            return Future.succeededFuture();
        }
        inFlight.add(key);
        JsonObject body = RobotMessage.body(robot.type(), c, centreView(c, alert));
        return attempt(robot, body, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)), 1)
                .compose(v -> {
                    ledger.record(c.id(), id, reached);
                    meters.notification("sent");
                    LOG.info("street {} robot told of {}/{} at escalation level {}", c.street(), c.id(), id, reached);
                    return marker(c, id, reached);
                }, e -> {
                    meters.notification("failed");
                    LOG.warn("street {} robot not reached for {}/{} after {} attempts: {}", c.street(), c.id(), id,
                            ATTEMPTS, e.getMessage());
                    return Future.succeededFuture();
                })
                .onComplete(x -> inFlight.remove(key));
    }

    private Future<Void> attempt(DutyRobotConfig robot, JsonObject body, Backoff backoff, int n) {
        return robots.send(robot, body).recover(e -> {
            if (n >= ATTEMPTS) {
                return Future.failedFuture(e);
            }
            return Future.<Void>future(p -> vertx.setTimer(backoff.next().toMillis(), t -> p.complete()))
                    .compose(v -> attempt(robot, body, backoff, n + 1));
        });
    }

    private Future<Void> marker(CompoundRef c, String id, int reached) {
        if (link == null) {
            return Future.succeededFuture();
        }
        JsonObject m = new JsonObject().put("v", 1).put("level", reached).put("by", replica)
                .put("at", Instant.now().toString());
        return Future.fromCompletionStage(link.publish(NotifiedLedger.markerTopic(c.id(), id),
                m.encode().getBytes(StandardCharsets.UTF_8), true, null), context)
                .recover(e -> {
                    LOG.warn("notified marker for {}/{} not published: {}", c.id(), id, e.getMessage());
                    return Future.succeededFuture();
                });
    }

    private static JsonObject centreView(CompoundRef c, JsonObject alert) {
        return alert.copy().put("key", c.id() + "/" + alert.getString("id")).put("street", c.street())
                .put("community", c.community()).put("compoundId", c.id()).put("compoundName", c.name())
                .put("origin", "compound");
    }
}
