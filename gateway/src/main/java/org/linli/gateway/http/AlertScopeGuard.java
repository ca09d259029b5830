package org.linli.gateway.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertVocabulary;
import org.linli.gateway.alert.AlertVocabulary.PersonAction;
import org.linli.gateway.auth.AlertAccess;
import org.linli.gateway.auth.ConsoleAuth;
import org.linli.gateway.auth.User;
import org.linli.gateway.site.SiteDirectory;

import java.util.Optional;

/**
 * Runs in front of every route below {@code /api/alerts/{id}/...} (the lifecycle actions, deliveries) and
 * {@code /api/households/{key}/...} (the away flag), snapshots, camera discovery and the compound status. For a grid
 * worker another grid's alert, household or snapshot does not exist: reading or acting on it gets exactly the 404 an
 * absent one gets (same status, same body, no grid named), so the answer cannot tell "not yours" from "absent".
 * Whoever acts is the logged-in user, whatever {@code by} the body names. The handlers behind it need not know
 * about sessions: they read {@code by} as before. Runs on the event loop.
 */
final class AlertScopeGuard {
    private final AlertService alerts;
    private final SiteDirectory site;

    AlertScopeGuard(AlertService alerts, SiteDirectory site) {
        this.alerts = alerts;
        this.site = site;
    }

    /** A household of another grid (its away flag): 404 to read or change, as for an absent one, for a grid worker. */
    void household(RoutingContext ctx) {
        Optional<User> user = ConsoleAuth.user(ctx);
        if (user.isPresent() && !user.get().isOperator()) {
            String key = ctx.pathParam("key");
            String building = key == null ? "" : key.split("-", 2)[0];
            boolean mine = site.gridFor(building).map(g -> g.id().equals(user.get().grid())).orElse(false);
            if (!mine) {
                HttpApi.error(ctx, 404, "no household " + key);   // AlertWorkflowRoutes' answer for an absent one
                return;
            }
        }
        ctx.next();
    }

    /**
     * A camera snapshot is evidence of an alert: a grid worker sees it only through an alert of their grid (snapshot
     * ids are not secrets), so another grid's snapshot is 404 for them, like the alert itself.
     */
    void snapshot(RoutingContext ctx) {
        Optional<User> user = ConsoleAuth.user(ctx);
        if (!AlertAccess.isOperatorOrOpen(user)) {
            String link = "/api/snapshots/" + ctx.pathParam("id");
            boolean visible = alerts.list().stream()
                    .anyMatch(a -> a.evidence().contains(link) && AlertAccess.canSee(user, a));
            if (!visible) {
                HttpApi.error(ctx, 404, "no snapshot " + ctx.pathParam("id"));
                return;
            }
        }
        ctx.next();
    }

    /** Installer and operator tools (camera discovery, the compound-wide status): not for a grid worker's session. */
    void operatorOnly(RoutingContext ctx) {
        if (!AlertAccess.isOperatorOrOpen(ConsoleAuth.user(ctx))) {
            HttpApi.error(ctx, 403, "only an operator may do this");
            return;
        }
        ctx.next();
    }

    /** GET below an alert: absent and hidden alerts get the same 404, before anything else is looked at. */
    void read(RoutingContext ctx) {
        if (!visible(ctx)) {
            return;
        }
        ctx.next();
    }

    /**
     * POST an action: only on visible alerts, and always in the session user's name. An absent or hidden alert is
     * 404 before the action, the role or the body is looked at, so none of them can tell the two apart.
     */
    void act(RoutingContext ctx) {
        Optional<User> user = ConsoleAuth.user(ctx);
        if (!visible(ctx)) {
            return;
        }
        boolean dutyOffice = AlertVocabulary.bySegment(ctx.pathParam("action")).map(PersonAction::dutyOfficeOnly)
                .orElse(false);
        if (dutyOffice && !AlertAccess.isOperatorOrOpen(user)) {
            // verification is the duty office checking the grid worker's work: not something one signs off oneself
            HttpApi.error(ctx, 403, "only an operator (the duty office) verifies a resolved alert");
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

    /** True when the alert of the path exists and this user may see it; else answers 404 "no alert {id}". */
    private boolean visible(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Optional<Alert> a = alerts.get(id);
        if (a.isEmpty() || !AlertAccess.canSee(ConsoleAuth.user(ctx), a.get())) {
            HttpApi.error(ctx, 404, "no alert " + id);   // AlertService's words for an unknown id
            return false;
        }
        return true;
    }
}
