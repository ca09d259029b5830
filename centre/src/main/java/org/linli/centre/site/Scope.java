package org.linli.centre.site;

import io.vertx.core.json.JsonObject;

/**
 * What a user may see and act on: a street, a community or one compound. {@link #commandJson} is the scope a command
 * carries so the gateway checks it again (contract: every non-null field must equal the gateway's own id).
 */
public record Scope(Level level, String id, String street, String community, String compound) {

    public enum Level {
        STREET, COMMUNITY, COMPOUND;

        public String id() {
            return name().toLowerCase();
        }
    }

    public boolean covers(CompoundRef c) {
        return switch (level) {
            case STREET -> c.street().equals(id);
            case COMMUNITY -> c.community().equals(id);
            case COMPOUND -> c.id().equals(id);
        };
    }

    public JsonObject toJson() {
        return new JsonObject().put("level", level.id()).put("id", id);
    }

    public JsonObject commandJson() {
        return new JsonObject().put("street", street).put("community", community).put("compound", compound);
    }
}
