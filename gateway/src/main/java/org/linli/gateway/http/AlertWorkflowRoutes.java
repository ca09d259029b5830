package org.linli.gateway.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.linli.gateway.alert.AlertAction;
import org.linli.gateway.alert.AlertJson;
import org.linli.gateway.alert.AlertLifecycle;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertVocabulary;
import org.linli.gateway.alert.AlertVocabulary.PersonAction;
import org.linli.gateway.alert.InvalidTransitionException;
import org.linli.gateway.alert.Outcome;
import org.linli.gateway.rules.HouseholdAway;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.web.RequestBodies;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The grid workflow over HTTP (docs/API.md): {@code POST /api/alerts/{id}/accept|on-site|resolve|verify|dismiss} and
 * {@code POST /api/alerts/{id}/reassign} (改派 to another grid worker), and a household's away flag, {@code PUT|GET /api/households/{key}/away}. Who acts is the {@code by} field of the body
 * until the console brings logins and roles. 404 unknown alert or household, 400 bad body, 409 step not allowed.
 */
public final class AlertWorkflowRoutes {
    private static final List<String> SEGMENTS = AlertLifecycle.humanActions().stream().sorted()
            .map(a -> AlertVocabulary.personAction(a).orElseThrow().segment()).toList();

    private final AlertService alerts;
    private final HouseholdAway away;
    private final SiteDirectory site;

    public AlertWorkflowRoutes(AlertService alerts, HouseholdAway away, SiteDirectory site) {
        this.alerts = alerts;
        this.away = away;
        this.site = site;
    }

    public void mount(Router router) {
        BodyHandler body = RequestBodies.upTo(RequestBodies.MAX_BYTES);
        router.post("/api/alerts/:id/reassign").handler(body).handler(this::reassign);
        router.post("/api/alerts/:id/:action").handler(body).handler(this::act);
        router.put("/api/households/:key/away").handler(body).handler(this::setAway);
        router.get("/api/households/:key/away").handler(this::getAway);
    }

    private void act(RoutingContext ctx) {
        // the URL segments are the vocabulary's (the console reads the same ones from GET /api/alert-model)
        AlertAction action = AlertVocabulary.bySegment(ctx.pathParam("action")).map(PersonAction::action).orElse(null);
        if (action == null) {
            HttpApi.error(ctx, 404, "unknown action '" + ctx.pathParam("action") + "' (known: " + SEGMENTS + ")");
            return;
        }
        JsonObject b = bodyOf(ctx);
        if (b == null) {
            return;
        }
        String outcomeText = b.getString("outcome", b.getString("reason"));
        Outcome outcome;
        try {
            outcome = outcomeText == null ? null : Outcome.valueOf(outcomeText);
        } catch (IllegalArgumentException e) {
            HttpApi.error(ctx, 400, "unknown outcome '" + outcomeText + "' (known: " + java.util.Arrays.toString(Outcome.values()) + ")");
            return;
        }
        try {
            HttpApi.json(ctx, AlertJson.toJson(alerts.act(ctx.pathParam("id"), action, b.getString("by"), outcome,
                    b.getString("note"))));
        } catch (NoSuchElementException e) {
            HttpApi.error(ctx, 404, e.getMessage());
        } catch (InvalidTransitionException e) {
            HttpApi.error(ctx, 409, e.getMessage());
        } catch (ClassCastException e) {
            HttpApi.error(ctx, 400, "by, outcome and note must be strings");
        }
    }

    /** {@code POST /api/alerts/{id}/reassign {"to", "by", "note"}}: hands the alert to another grid worker (改派). */
    private void reassign(RoutingContext ctx) {
        JsonObject b = bodyOf(ctx);
        if (b == null) {
            return;
        }
        try {
            HttpApi.json(ctx, AlertJson.toJson(alerts.reassign(ctx.pathParam("id"), b.getString("to"),
                    b.getString("by"), b.getString("note"))));
        } catch (NoSuchElementException e) {
            HttpApi.error(ctx, 404, e.getMessage());
        } catch (InvalidTransitionException e) {
            HttpApi.error(ctx, 409, e.getMessage());
        } catch (ClassCastException e) {
            HttpApi.error(ctx, 400, "to, by and note must be strings");
        }
    }

    private void setAway(RoutingContext ctx) {
        String key = ctx.pathParam("key");
        if (site.household(key).isEmpty()) {
            HttpApi.error(ctx, 404, "no household " + key);
            return;
        }
        JsonObject b = bodyOf(ctx);
        if (b == null) {
            return;
        }
        if (!b.containsKey("until")) {
            HttpApi.error(ctx, 400, "'until' is missing: an ISO-8601 instant such as 2026-11-30T12:00:00Z, or null to clear");
            return;
        }
        Instant until;
        try {
            until = b.getValue("until") == null ? null : Instant.parse(b.getValue("until").toString());
        } catch (DateTimeParseException e) {
            HttpApi.error(ctx, 400, "'until' is not an ISO-8601 instant (2026-11-30T12:00:00Z): " + b.getValue("until"));
            return;
        }
        away.set(key, until);
        getAway(ctx);
    }

    private void getAway(RoutingContext ctx) {
        String key = ctx.pathParam("key");
        if (site.household(key).isEmpty()) {
            HttpApi.error(ctx, 404, "no household " + key);
            return;
        }
        HttpApi.json(ctx, new JsonObject().put("household", key)
                .put("awayUntil", away.until(key).map(Instant::toString).orElse(null)));
    }

    private static JsonObject bodyOf(RoutingContext ctx) {
        try {
            JsonObject b = ctx.body().asJsonObject();
            if (b == null) {
                HttpApi.error(ctx, 400, "a JSON object body is required");
            }
            return b;
        } catch (DecodeException | ClassCastException e) {
            HttpApi.error(ctx, 400, "the body is not a JSON object: " + e.getMessage());
            return null;
        }
    }
}
