package org.linli.centre.site;

import io.vertx.core.json.JsonObject;

/** A centre console user after loading: duty may act, viewer only reads; both see only their scope. */
public record CentreUser(String id, String name, boolean duty, Scope scope, String passwordHash) {

    public String role() {
        return duty ? "duty" : "viewer";
    }

    /** {@code GET /api/me}'s shape (contract), never the hash. */
    public JsonObject toJson() {
        return new JsonObject().put("user", id).put("name", name).put("role", role()).put("scope", scope.toJson());
    }
}
