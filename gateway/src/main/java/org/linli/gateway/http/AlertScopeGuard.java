package org.linli.gateway.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.auth.AlertAccess;
import org.linli.gateway.auth.ConsoleAuth;
import org.linli.gateway.auth.User;

import java.util.Optional;

/**
 * Runs in front of every route below {@code /api/alerts/{id}/...} (the lifecycle actions, deliveries): a grid worker
 * reading another grid's alert gets 404, acting on it 403, and whoever acts is the logged-in user, whatever
 * {@code by} the body names. The handlers behind it need not know about sessions: they read {@code by} as before.
 */
final class AlertScopeGuard {
    private final AlertService alerts;

    AlertScopeGuard(AlertService alerts) {
        this.alerts = alerts;
    }

    /** GET below an alert: hidden alerts do not exist for this user. */
    void read(RoutingContext ctx) {
        Optional<Alert> a = alerts.get(ctx.pathParam("id"));
        if (a.isPresent() && !AlertAccess.canSee(ConsoleAuth.user(ctx), a.get())) {
            HttpApi.error(ctx, 404, "no alert " + ctx.pathParam("id"));
            return;
        }
        ctx.next();
    }

    /** POST an action: only on visible alerts, and always in the session user's name. */
    void act(RoutingContext ctx) {
        Optional<User> user = ConsoleAuth.user(ctx);
        Optional<Alert> a = alerts.get(ctx.pathParam("id"));
        if (a.isPresent() && !AlertAccess.canSee(user, a.get())) {
            HttpApi.error(ctx, 403, "alert " + a.get().id() + " belongs to grid " + a.get().gridId()
                    + ", not to yours");
            return;
        }
        if (user.isPresent()) {
            JsonObject body;
            try {
                body = ctx.body().asJsonObject();
            } catch (DecodeException e) {
                HttpApi.error(ctx, 400, "the body is not JSON: " + e.getMessage());
                return;
            }
            body = body == null ? new JsonObject() : body;
            ctx.setBody(body.put("by", user.get().id()).toBuffer());
            ctx.put("linli.actor", user.get().id());
        }
        ctx.next();
    }
}
