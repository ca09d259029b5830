package org.linli.gateway.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.Person;

/**
 * The one JSON shape of an alert, used by the API, the SSE stream and the MQTT alerts topic (docs/API.md). Ids stay
 * for programs; next to each id is what a person reads, from the site file ({@link AlertNames}) and the vocabulary:
 * {@code gridName}, {@code location.areaName}, {@code device.typeLabel}, contacts' {@code relationLabel}, history
 * lines' {@code byName}; {@code timeZone} is the compound's, in which the console shows every time.
 */
public final class AlertJson {
    private AlertJson() {
    }

    public static JsonObject toJson(Alert a) {
        JsonArray care = new JsonArray();
        JsonArray careLabels = new JsonArray();
        a.care().stream().sorted().forEach(f -> {
            care.add(f.id());
            careLabels.add(f.label());
        });
        JsonArray contacts = new JsonArray();
        JsonArray residentPhones = new JsonArray();
        a.contacts().forEach(c -> {
            contacts.add(new JsonObject().put("name", c.name()).put("relation", c.relation())
                    .put("relationLabel", AlertVocabulary.relation(c.relation())).put("resident", c.isResident())
                    .put("phone", c.phone()));
            if (c.isResident()) {
                residentPhones.add(c.phone());
            }
        });
        AlertNames names = a.names();
        JsonObject location = new JsonObject().put("compound", a.compound());
        if (a.location() != null) {
            location.put("building", a.location().building())
                    .put("unit", a.location().unit())
                    .put("household", a.location().householdKey().orElse(null))
                    .put("area", a.location().area())
                    .put("areaName", names.areaName())
                    .put("text", a.location().toString())
                    .put("description", describe(a, names));
        }
        return new JsonObject()
                .put("id", a.id())
                .put("version", a.version())
                .put("type", a.type().name())
                .put("title", a.type().title())
                .put("titleEn", a.type().englishTitle())
                .put("severity", a.severity().name())
                .put("state", a.state().name())
                .put("device", a.deviceId() == null ? null : new JsonObject().put("id", a.deviceId()).put("type", a.deviceType())
                        .put("typeLabel", AlertVocabulary.deviceTypeLabel(a.deviceType())))
                .put("location", location)
                .put("care", care)
                .put("careLabels", careLabels)
                .put("elderlyLivingAlone", a.care().contains(CareFlag.ELDERLY_LIVING_ALONE))
                .put("contacts", contacts)
                .put("residentPhones", residentPhones)
                .put("grid", a.gridId())
                .put("gridName", names.gridName() != null ? names.gridName() : a.gridId())
                .put("gridWorker", person(a.gridWorker()))
                .put("gridLeader", person(a.gridLeader()))
                .put("nextStep", a.type().nextStep())
                .put("raisedAt", a.raisedAt().toString())
                .put("lastSeenAt", a.lastSeenAt().toString())
                .put("count", a.count())
                .put("detail", a.detail())
                .put("evidence", new JsonArray(a.evidence()))
                .put("assignee", person(a.assignee()))
                .put("escalationLevel", a.escalationLevel())
                .put("escalatedTo", person(a.escalatedTo()))
                .put("escalated", a.escalationLevel() > 0)
                .put("holder", person(holder(a)))
                .put("outcome", a.outcome() == null ? null : a.outcome().name())
                .put("acceptBy", a.acceptBy() == null ? null : a.acceptBy().toString())
                .put("timeZone", names.zone().getId())
                .put("history", history(a));
    }

    /** 3号楼2单元501室, or 7号楼 锅炉房 with the area's name from the site file. */
    private static String describe(Alert a, AlertNames names) {
        return names.areaName() == null ? a.location().describe() : a.location().building() + "号楼 " + names.areaName();
    }

    /** Who has the alert now: whom it was last escalated to while nobody accepted it, else whom it was sent to. */
    static Person holder(Alert a) {
        return a.escalatedTo() != null && a.state().awaitingAcceptance() ? a.escalatedTo() : a.assignee();
    }

    private static JsonArray history(Alert a) {
        JsonArray out = new JsonArray();
        for (AlertTransition t : a.history()) {
            out.add(new JsonObject()
                    .put("at", t.at().toString())
                    .put("action", t.action().name())
                    .put("from", t.from() == null ? null : t.from().name())
                    .put("to", t.to() == null ? null : t.to().name())
                    .put("by", t.by())
                    .put("byName", AlertTransition.SYSTEM.equals(t.by()) ? AlertVocabulary.SYSTEM : a.names().person(t.by()))
                    .put("outcome", t.outcome() == null ? null : t.outcome().name())
                    .put("note", t.note()));
        }
        return out;
    }

    private static JsonObject person(Person p) {
        return p == null ? null : new JsonObject().put("id", p.id()).put("name", p.name()).put("phone", p.phone());
    }
}
