package org.linli.gateway.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.Location;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reader of format 1 ({@link AlertRecordFormat#LEGACY_API_JSON}): the public API JSON ({@link AlertJson}) the
 * store kept before the versioned format. Used only to restore such rows, which are then rewritten in the current
 * format. It reads what that JSON held and turns it into an {@link AlertRecord}; an unknown enum constant, a missing
 * required value or a value of the wrong type throws (the caller reports the row as unreadable).
 */
final class AlertRecordJson {
    private AlertRecordJson() {
    }

    static AlertRecord fromJson(JsonObject j) {
        JsonObject loc = j.getJsonObject("location", new JsonObject());
        String text = loc.getString("text");
        Location location = text == null ? null : Location.parse(text);
        List<CareFlag> care = new ArrayList<>();
        j.getJsonArray("care", new JsonArray()).forEach(c -> CareFlag.fromId(String.valueOf(c)).ifPresent(care::add));
        List<AlertRecord.ContactRecord> contacts = new ArrayList<>();
        j.getJsonArray("contacts", new JsonArray()).forEach(o -> {
            JsonObject c = (JsonObject) o;
            contacts.add(new AlertRecord.ContactRecord(c.getString("name"), c.getString("relation"), c.getString("phone")));
        });
        List<String> evidence = new ArrayList<>();
        j.getJsonArray("evidence", new JsonArray()).forEach(e -> evidence.add(String.valueOf(e)));
        List<AlertRecord.TransitionRecord> history = new ArrayList<>();
        j.getJsonArray("history", new JsonArray()).forEach(o -> {
            JsonObject t = (JsonObject) o;
            history.add(new AlertRecord.TransitionRecord(Instant.parse(t.getString("at")),
                    AlertAction.valueOf(t.getString("action")), state(t.getString("from")), state(t.getString("to")),
                    t.getString("by"), outcome(t.getString("outcome")), t.getString("note")));
        });
        JsonObject device = j.getJsonObject("device");
        return new AlertRecord(j.getString("id"), j.getLong("version"), AlertType.valueOf(j.getString("type")),
                Severity.valueOf(j.getString("severity")), AlertState.valueOf(j.getString("state")),
                device == null ? null : device.getString("id"), device == null ? null : device.getString("type"),
                loc.getString("compound"), location == null ? null : new AlertRecord.LocationRecord(location.building(),
                        location.unit(), location.household(), location.area()), care, contacts,
                j.getString("grid"), person(j.getJsonObject("gridWorker")), person(j.getJsonObject("gridLeader")),
                Instant.parse(j.getString("raisedAt")), Instant.parse(j.getString("lastSeenAt")), j.getInteger("count"),
                j.getString("detail"), evidence, person(j.getJsonObject("assignee")), j.getInteger("escalationLevel", 0),
                person(j.getJsonObject("escalatedTo")), outcome(j.getString("outcome")),
                j.getString("acceptBy") == null ? null : Instant.parse(j.getString("acceptBy")), history);
    }

    private static AlertRecord.PersonRecord person(JsonObject p) {
        return p == null ? null : new AlertRecord.PersonRecord(p.getString("id"), p.getString("name"), p.getString("phone"));
    }

    private static AlertState state(String s) {
        return s == null ? null : AlertState.valueOf(s);
    }

    private static Outcome outcome(String s) {
        return s == null ? null : Outcome.valueOf(s);
    }
}
