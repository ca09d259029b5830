package org.linli.centre.picture;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.centre.site.CompoundRef;

import java.time.Instant;

/**
 * The centre's own alert, {@code COMPOUND_UNREACHABLE}, in the gateway's alert JSON shape (so the console shows it
 * with the same card) plus the centre fields: raised once when a compound goes dark, a new version CLOSED when it
 * talks again. Stateless.
 */
final class CentreAlerts {
    static final String TYPE = "COMPOUND_UNREACHABLE";
    static final String TITLE = "小区网关失联";

    private CentreAlerts() {
    }

    static JsonObject raised(CompoundRef c, Instant at, String why) {
        String id = "C-UNREACHABLE-" + at.getEpochSecond();
        JsonObject a = new JsonObject()
                .put("id", id).put("version", 1).put("type", TYPE).put("title", TITLE)
                .put("titleEn", "Compound unreachable")
                .put("severity", "MAJOR").put("state", "OPEN")
                .put("device", null)
                .put("location", new JsonObject().put("compound", c.id()).put("text", c.name())
                        .put("description", c.name()))
                .put("grid", null).put("gridName", null).put("gridWorker", null).put("gridLeader", null)
                .put("nextStep", "联系小区物业或网格员，检查网关供电与网络")
                .put("raisedAt", at.toString()).put("lastSeenAt", at.toString()).put("count", 1)
                .put("detail", why).put("evidence", new JsonArray()).put("assignee", null)
                .put("escalationLevel", 0).put("escalated", false).put("outcome", null)
                .put("history", new JsonArray().add(new JsonObject().put("at", at.toString()).put("action", "RAISE")
                        .put("to", "OPEN").put("by", "centre").put("byName", "中心")));
        return Picture.centreFields(c, a, "centre");
    }

    static JsonObject closed(JsonObject open, Instant at) {
        JsonObject a = open.copy().put("version", open.getInteger("version") + 1).put("state", "CLOSED")
                .put("lastSeenAt", at.toString());
        a.getJsonArray("history").add(new JsonObject().put("at", at.toString()).put("action", "CLOSE")
                .put("from", "OPEN").put("to", "CLOSED").put("by", "centre").put("byName", "中心")
                .put("note", "小区网关恢复通信"));
        return a;
    }
}
