package org.linli.centre.command;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.linli.centre.site.CompoundRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;

/**
 * At start and after every reconnect of the picture link, asks every compound of the site file to {@code resend}
 * its open alerts, paced (20 a second) so 700 compounds do not answer in the same second: the picture of open alerts
 * is then complete without any history. A compound that does not answer is only logged (it is dark, and shown so).
 * Event-loop confined.
 */
public final class ResendAll {
    private static final Logger LOG = LoggerFactory.getLogger(ResendAll.class);

    private final Vertx vertx;
    private final CommandRelay relay;
    private final String replica;
    private final Deque<CompoundRef> left;
    private int answered;
    private int resent;

    public ResendAll(Vertx vertx, CommandRelay relay, String replica, Collection<CompoundRef> compounds) {
        this.vertx = vertx;
        this.relay = relay;
        this.replica = replica;
        this.left = new ArrayDeque<>(compounds);
    }

    /** Starts sending, {@code perSecond} requests a second. */
    public void start(int perSecond) {
        if (left.isEmpty()) {
            return;
        }
        int total = left.size();
        vertx.setPeriodic(0, Math.max(1, 1000 / perSecond), id -> {
            CompoundRef c = left.poll();
            if (c == null) {
                vertx.cancelTimer(id);
                return;
            }
            relay.send(c, command(c)).onSuccess(reply -> {
                answered++;
                resent += reply.getInteger("resent", 0);
                if (answered == total) {
                    LOG.info("every compound answered resend: {} open alert(s) sent again", resent);
                }
            }).onFailure(e -> LOG.info("resend to {}: {}", c.id(), e.getMessage()));
        });
    }

    JsonObject command(CompoundRef c) {
        return new JsonObject().put("v", 1).put("action", "resend").put("by", "centre:" + replica)
                .put("byName", "中心（" + replica + "）")
                .put("scope", new JsonObject().put("street", c.street()).putNull("community").putNull("compound"));
    }
}
