package org.linli.gateway.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.Household;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.Person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an alert back from the JSON {@link AlertJson} writes: the store keeps alerts in the very shape the API shows,
 * so what an operator sees is what survives a restart.
 */
public final class AlertRecordJson {
    private AlertRecordJson() {
    }

    public static Alert fromJson(JsonObject j) {
        JsonObject loc = j.getJsonObject("location", new JsonObject());
        String text = loc.getString("text");
        Set<CareFlag> care = EnumSet.noneOf(CareFlag.class);
        j.getJsonArray("care", new JsonArray()).forEach(c -> CareFlag.fromId(String.valueOf(c)).ifPresent(care::add));
        List<Household.Contact> contacts = new ArrayList<>();
        j.getJsonArray("contacts", new JsonArray()).forEach(o -> {
            JsonObject c = (JsonObject) o;
            contacts.add(new Household.Contact(c.getString("name"), c.getString("relation"), c.getString("phone")));
        });
        List<String> evidence = new ArrayList<>();
        j.getJsonArray("evidence", new JsonArray()).forEach(e -> evidence.add(String.valueOf(e)));
        List<AlertTransition> history = new ArrayList<>();
        j.getJsonArray("history", new JsonArray()).forEach(o -> {
            JsonObject t = (JsonObject) o;
            history.add(new AlertTransition(Instant.parse(t.getString("at")), AlertAction.valueOf(t.getString("action")),
                    state(t.getString("from")), state(t.getString("to")), t.getString("by"), outcome(t.getString("outcome")),
                    t.getString("note")));
        });
        JsonObject device = j.getJsonObject("device");
        return Alert.builder().id(j.getString("id")).version(j.getLong("version"))
                .type(AlertType.valueOf(j.getString("type"))).severity(Severity.valueOf(j.getString("severity")))
                .state(AlertState.valueOf(j.getString("state")))
                .device(device == null ? null : device.getString("id"), device == null ? null : device.getString("type"))
                .compound(loc.getString("compound")).location(text == null ? null : Location.parse(text))
                .care(care).contacts(contacts)
                .grid(j.getString("grid"), person(j.getJsonObject("gridWorker")), person(j.getJsonObject("gridLeader")))
                .raisedAt(Instant.parse(j.getString("raisedAt"))).lastSeenAt(Instant.parse(j.getString("lastSeenAt")))
                .count(j.getInteger("count")).detail(j.getString("detail")).evidence(evidence)
                .assignee(person(j.getJsonObject("assignee")))
                .escalation(j.getInteger("escalationLevel", 0), person(j.getJsonObject("escalatedTo")))
                .outcome(outcome(j.getString("outcome")))
                .acceptBy(j.getString("acceptBy") == null ? null : Instant.parse(j.getString("acceptBy")))
                .history(history)
                .build();
    }

    private static Person person(JsonObject p) {
        return p == null ? null : new Person(p.getString("id"), p.getString("name"), p.getString("phone"));
    }

    private static AlertState state(String s) {
        return s == null ? null : AlertState.valueOf(s);
    }

    private static Outcome outcome(String s) {
        return s == null ? null : Outcome.valueOf(s);
    }
}
