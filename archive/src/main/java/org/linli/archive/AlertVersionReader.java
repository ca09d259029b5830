package org.linli.archive;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one version of the gateway's alert JSON (gateway {@code AlertJson}, docs/API.md) into an {@link ArchivedAlert}.
 * The workflow times are the first history line of each kind: ACCEPTED, ON_SITE, RESOLVED or DISMISSED (handled),
 * VERIFIED. Pure; any thread.
 */
public final class AlertVersionReader {
    private AlertVersionReader() {
    }

    public static ArchivedAlert read(CompoundRef where, JsonNode alert) {
        if (alert == null || !alert.isObject()) {
            throw new MalformedAlertVersionException("alert version of " + where.compound() + " is not a JSON object");
        }
        String id = required(alert, "id");
        JsonNode version = alert.get("version");
        if (version == null || !version.canConvertToLong()) {
            throw new MalformedAlertVersionException("alert " + where.compound() + "/" + id + " has no numeric version");
        }
        List<ArchivedTransition> history = history(where, id, alert.get("history"));
        Instant accepted = first(history, "ACCEPTED");
        Instant onSite = first(history, "ON_SITE");
        Instant resolved = first(history, "RESOLVED", "DISMISSED");
        Instant verified = first(history, "VERIFIED");
        JsonNode level = alert.get("escalationLevel");
        return new ArchivedAlert(where, id, version.asLong(), text(alert, "grid"), required(alert, "type"),
                required(alert, "severity"), required(alert, "state"), instant(where, id, required(alert, "raisedAt")),
                accepted, onSite, resolved, verified, text(alert, "outcome"),
                level == null || level.isNull() ? 0 : level.asInt(), alert.toString(), history);
    }

    private static List<ArchivedTransition> history(CompoundRef where, String id, JsonNode lines) {
        List<ArchivedTransition> out = new ArrayList<>();
        if (lines == null || !lines.isArray()) {
            return out;
        }
        int seq = 0;
        for (JsonNode t : lines) {
            String action = text(t, "action");
            String at = text(t, "at");
            if (action == null || at == null) {
                throw new MalformedAlertVersionException("alert " + where.compound() + "/" + id + ": history line "
                        + seq + " lacks action or at");
            }
            out.add(new ArchivedTransition(seq++, action, text(t, "by"), instant(where, id, at), text(t, "from"),
                    text(t, "to"), text(t, "outcome"), text(t, "note")));
        }
        return out;
    }

    private static Instant first(List<ArchivedTransition> history, String... actions) {
        for (ArchivedTransition t : history) {
            for (String a : actions) {
                if (a.equals(t.action())) {
                    return t.at();
                }
            }
        }
        return null;
    }

    private static Instant instant(CompoundRef where, String id, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedAlertVersionException("alert " + where.compound() + "/" + id + ": bad time '" + text + "'");
        }
    }

    private static String required(JsonNode node, String field) {
        String v = text(node, field);
        if (v == null || v.isEmpty()) {
            throw new MalformedAlertVersionException("alert version lacks '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
