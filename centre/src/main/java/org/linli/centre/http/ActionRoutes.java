package org.linli.centre.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.linli.centre.CentreMeters;
import org.linli.centre.command.CommandRelay;
import org.linli.centre.picture.Picture;
import org.linli.centre.site.CentreUser;
import org.linli.centre.site.CompoundRef;
import org.linli.centre.site.Topology;
import org.linli.gateway.web.RequestBodies;

import java.util.Set;

/**
 * The actions (contract): {@code POST /api/alerts/{compound}/{id}/{action}} and
 * {@code POST /api/compounds/{id}/resend}.
 * Checked here BEFORE anything is sent: a compound out of the user's scope → 403, a viewer → 403, an unknown
 * compound or alert → 404, an unknown action or a bad body → 400. Then relayed as a command carrying the user's
 * scope (the gateway checks it again) and answered from the reply: ok → 200 with the alert (also taken into the
 * picture), not-found → 404, out-of-scope → 403, other refusals → 409, no reply in 10 s → 504. Event loop.
 */
final class ActionRoutes {
    static final Set<String> ACTIONS = Set.of("accept", "on-site", "resolve", "verify", "dismiss", "dispatch");

    private final Topology topology;
    private final Picture picture;
    private final CommandRelay relay;
    private final CentreMeters meters;

    ActionRoutes(Topology topology, Picture picture, CommandRelay relay, CentreMeters meters) {
        this.topology = topology;
        this.picture = picture;
        this.relay = relay;
        this.meters = meters;
    }

    void mount(Router router) {
        router.post("/api/alerts/:compound/:id/:action").handler(RequestBodies.upTo(RequestBodies.MAX_BYTES))
                .handler(this::act);
        router.post("/api/compounds/:id/resend").handler(RequestBodies.upTo(RequestBodies.MAX_BYTES))
                .handler(this::resend);
    }

    private void act(RoutingContext ctx) {
        CentreUser user = CentreAuth.user(ctx);
        CompoundRef c = allowed(ctx, user, ctx.pathParam("compound"));
        if (c == null) {
            return;
        }
        String action = ctx.pathParam("action");
        String id = ctx.pathParam("id");
        if (!ACTIONS.contains(action)) {
            refuse(ctx, 400, "bad-request", "未知操作 " + action + "（可用：" + String.join("、", ACTIONS) + "）");
            return;
        }
        if (picture.alert(c.id(), id).filter(a -> "compound".equals(a.getString("origin"))).isEmpty()) {
            refuse(ctx, 404, "not-found", "没有这条告警");
            return;
        }
        JsonObject body = body(ctx);
        if (body == null) {
            return;
        }
        if ("dispatch".equals(action) && !(body.getValue("to") instanceof String to && !to.isBlank())) {
            refuse(ctx, 400, "bad-request", "改派需要填写接收人编号（to）");
            return;
        }
        JsonObject command = command(user, action).put("alert", id)
                .put("outcome", body.getValue("outcome")).put("note", body.getValue("note"))
                .put("to", body.getValue("to"));
        relay(ctx, c, command);
    }

    private void resend(RoutingContext ctx) {
        CentreUser user = CentreAuth.user(ctx);
        CompoundRef c = allowed(ctx, user, ctx.pathParam("id"));
        if (c != null) {
            relay(ctx, c, command(user, "resend"));
        }
    }

    /** The compound, or null after answering 403 (out of scope, or a viewer) or 404 (unknown). */
    private CompoundRef allowed(RoutingContext ctx, CentreUser user, String compound) {
        CompoundRef c = topology.compound(compound).orElse(null);
        if (c == null) {
            refuse(ctx, 404, "not-found", "没有这个小区");
            return null;
        }
        if (!user.scope().covers(c)) {
            meters.command("forbidden");
            refuse(ctx, 403, "out-of-scope", "不在您的管辖范围内");
            return null;
        }
        if (!user.duty()) {
            meters.command("forbidden");
            refuse(ctx, 403, "not-allowed", "只读账号不能操作");
            return null;
        }
        return c;
    }

    private JsonObject command(CentreUser user, String action) {
        return new JsonObject().put("v", 1).put("action", action).put("by", "centre:" + user.id())
                .put("byName", user.name()).put("scope", user.scope().commandJson());
    }

    private JsonObject body(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            return new JsonObject();
        }
        try {
            return new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            refuse(ctx, 400, "bad-request", "请求体不是 JSON 对象");
            return null;
        }
    }

    private void relay(RoutingContext ctx, CompoundRef c, JsonObject command) {
        relay.send(c, command).onComplete(ar -> {
            if (ar.failed()) {
                if (ar.cause() instanceof CommandRelay.CommandTimeoutException) {
                    meters.command("timeout");
                    refuse(ctx, 504, "timeout", "小区网关未应答");
                } else {
                    meters.command("not-connected");
                    refuse(ctx, 503, "not-connected", "中心未连接消息集群：" + ar.cause().getMessage());
                }
                return;
            }
            JsonObject reply = ar.result();
            String code = reply.getString("code", Boolean.TRUE.equals(reply.getValue("ok")) ? "ok" : "bad-request");
            meters.command(code);
            if (Boolean.TRUE.equals(reply.getValue("ok"))) {
                JsonObject alert = reply.getValue("alert") instanceof JsonObject a ? a : null;
                if (alert != null && alert.getValue("id") instanceof String
                        && alert.getValue("version") instanceof Number) {
                    picture.offerAlert(c, alert);
                }
                Json.ok(ctx, new JsonObject().put("ok", true).put("alert", alert)
                        .put("resent", reply.getValue("resent")));
                return;
            }
            int status = switch (code) {
                case "not-found" -> 404;
                case "out-of-scope" -> 403;
                default -> 409;
            };
            refuse(ctx, status, code, reply.getString("reason"));
        });
    }

    private static void refuse(RoutingContext ctx, int status, String code, String reason) {
        Json.send(ctx, status, new JsonObject().put("ok", false).put("code", code).put("reason", reason));
    }
}
