package org.linli.centre.picture;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.centre.site.CompoundRef;

import java.time.Instant;

/**
 * One compound's reachability and last summary, as the {@link Picture} keeps them. Reachable is known from the first
 * summary (or from the silence threshold passing since the centre started); the will or stop summary
 * ({@code reachable:false}) and silence make it unreachable. Event-loop confined, owned by the picture.
 */
final class CompoundHealth {
    final CompoundRef compound;
    JsonObject summary;
    /** When the compound was last heard saying it is up (centre clock; a retained summary's own {@code at}). */
    Instant lastHeardAt;
    boolean known;
    boolean reachable;
    /** The open COMPOUND_UNREACHABLE alert, null while none is open. */
    JsonObject darkAlert;

    CompoundHealth(CompoundRef compound) {
        this.compound = compound;
    }

    /** The contract's compound health; {@code grids} and {@code openAlerts} come from the picture's alerts. */
    JsonObject toJson(JsonArray grids, int openAlerts) {
        JsonObject s = summary == null ? new JsonObject() : summary;
        JsonObject devices = s.getValue("devices") instanceof JsonObject d ? d : new JsonObject();
        JsonObject queue = s.getValue("queue") instanceof JsonObject q ? q : new JsonObject();
        JsonObject outbox = s.getValue("outbox") instanceof JsonObject o ? o : new JsonObject();
        return new JsonObject()
                .put("id", compound.id()).put("name", compound.name())
                .put("street", compound.street()).put("community", compound.community())
                .put("reachable", known && reachable).put("reachableKnown", known)
                .put("lastSummaryAt", summary == null ? null : s.getValue("at"))
                .put("devicesExpected", devices.getValue("expected"))
                .put("devicesHeard", devices.getValue("heard"))
                .put("devicesOffline", devices.getValue("offline"))
                .put("offlineIds", devices.getValue("offlineIds") instanceof JsonArray ids ? ids : new JsonArray())
                .put("queueDepth", queue.getValue("depth"))
                .put("queueOldestAgeSeconds", queue.getValue("oldestAgeSeconds"))
                .put("outboxDepth", outbox.getValue("depth"))
                .put("openAlerts", openAlerts)
                .put("grids", grids);
    }
}
