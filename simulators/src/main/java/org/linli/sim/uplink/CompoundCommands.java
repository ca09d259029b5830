package org.linli.sim.uplink;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Answers one centre command for a simulated compound, per the issue-12 contract: scope check (every non-null scope
 * field must equal the compound's own id), then the action on the named alert through {@link SimulatedAlert#apply},
 * or {@code resend} of every open alert. Returns the reply JSON; the alert versions to publish go to
 * {@code publish}. Called under the compound's lock on Paho's callback thread; keeps no state.
 */
final class CompoundCommands {
    private static final Set<String> ACTIONS = Set.of("accept", "on-site", "resolve", "verify", "dismiss", "dispatch");

    private CompoundCommands() {
    }

    static JsonObject answer(CompoundAddress at, JsonObject cmd, Map<String, SimulatedAlert> alerts,
                             Consumer<SimulatedAlert> publish, Instant now) {
        if (cmd == null || !(cmd.getValue("action") instanceof String action)) {
            return reply("bad-request", "missing action", null, 0);
        }
        JsonObject scope = cmd.getJsonObject("scope");
        if (scope == null) {
            return reply("bad-request", "missing scope", null, 0);
        }
        if (!matches(scope.getString("street"), at.street()) || !matches(scope.getString("community"), at.community())
                || !matches(scope.getString("compound"), at.compound())) {
            return reply("out-of-scope", "scope " + scope.encode() + " does not cover " + at.compound(), null, 0);
        }
        if ("resend".equals(action)) {
            List<SimulatedAlert> open = alerts.values().stream().filter(SimulatedAlert::open).toList();
            open.forEach(publish);
            return reply("ok", null, null, open.size());
        }
        if (!ACTIONS.contains(action)) {
            return reply("bad-request", "unknown action " + action, null, 0);
        }
        String id = cmd.getString("alert");
        if (id == null) {
            return reply("bad-request", "missing alert", null, 0);
        }
        if ("dispatch".equals(action) && cmd.getString("to") == null) {
            return reply("bad-request", "missing to", null, 0);
        }
        SimulatedAlert alert = alerts.get(id);
        if (alert == null) {
            return reply("not-found", "no alert " + id, null, 0);
        }
        String refused = alert.apply(action, cmd.getString("by", "centre"), cmd.getString("outcome"),
                cmd.getString("note"), cmd.getString("to"), now);
        if (refused != null) {
            return reply("not-allowed", refused, alert.toJson(), 0);
        }
        publish.accept(alert);
        return reply("ok", null, alert.toJson(), 0);
    }

    private static boolean matches(String scoped, String own) {
        return scoped == null || scoped.equals(own);
    }

    private static JsonObject reply(String code, String reason, JsonObject alert, int resent) {
        return new JsonObject().put("v", 1).put("ok", "ok".equals(code)).put("code", code).put("reason", reason)
                .put("alert", alert).put("resent", resent);
    }
}
