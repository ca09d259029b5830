package org.linli.gateway.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.mqtt.StrictJson;

import java.util.Set;

/**
 * One command of the centre ({@code .../command}, contract of issue 12), parsed strictly: at most
 * {@link #MAX_BYTES}, the hardened parser of device payloads ({@link StrictJson}: no duplicate keys, no trailing
 * data, bounded depth and strings), {@code v} 1, a known action, the alert id for every action but {@code resend},
 * {@code to} for {@code dispatch}, and a scope. Anything else is a {@link BadCommand} whose message is the reply's
 * reason. Pure; called on the event loop.
 */
record CommandRequest(String action, String alert, String by, String scopeStreet, String scopeCommunity,
                      String scopeCompound, String outcome, String note, String to) {
    static final int MAX_BYTES = 16 * 1024;
    static final Set<String> ACTIONS = Set.of("accept", "on-site", "resolve", "verify", "dismiss", "dispatch", "resend");

    /** A command that cannot be applied as sent: answered {@code bad-request} with this message. */
    static final class BadCommand extends Exception {
        BadCommand(String message) {
            super(message);
        }
    }

    static CommandRequest parse(byte[] payload) throws BadCommand {
        if (payload.length > MAX_BYTES) {
            throw new BadCommand("command of " + payload.length + " bytes: at most " + MAX_BYTES);
        }
        ObjectNode o;
        try {
            o = StrictJson.parseObject(payload);
        } catch (DecodeException e) {
            throw new BadCommand(e.getMessage());
        }
        if (!o.path("v").isInt() || o.get("v").intValue() != 1) {
            throw new BadCommand("'v' must be 1");
        }
        String action = text(o, "action");
        if (action == null || !ACTIONS.contains(action)) {
            throw new BadCommand("unknown action '" + action + "' (known: " + ACTIONS + ")");
        }
        String by = text(o, "byName") != null ? text(o, "byName") : text(o, "by");
        if (by == null || by.isBlank()) {
            throw new BadCommand("'by' is missing: who in the centre acts");
        }
        JsonNode scope = o.get("scope");
        if (scope == null || !scope.isObject()) {
            throw new BadCommand("'scope' is missing: the sender's street, community and compound");
        }
        String alert = text(o, "alert");
        if (!action.equals("resend") && (alert == null || alert.isBlank())) {
            throw new BadCommand("'alert' is missing: the id of the alert to " + action);
        }
        String to = text(o, "to");
        if (action.equals("dispatch") && (to == null || to.isBlank())) {
            throw new BadCommand("'to' is missing: the person id of the grid worker to dispatch to");
        }
        return new CommandRequest(action, alert, by, text(scope, "street"), text(scope, "community"),
                text(scope, "compound"), text(o, "outcome"), text(o, "note"), to);
    }

    /** A string field, null when absent or JSON null; any other type is a bad request. */
    private static String text(JsonNode o, String field) throws BadCommand {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new BadCommand("'" + field + "' must be a string");
        }
        return n.textValue();
    }

    /** Whether every scope field the sender gave equals this compound's own id. */
    boolean covers(String street, String community, String compound) {
        return (scopeStreet == null || scopeStreet.equals(street))
                && (scopeCommunity == null || scopeCommunity.equals(community))
                && (scopeCompound == null || scopeCompound.equals(compound));
    }
}
