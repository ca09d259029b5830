package org.linli.gateway.auth;

import org.linli.gateway.config.Role;

import io.vertx.core.json.JsonObject;

/** A console user as the server knows them after login. {@code grid} is null for an operator. */
public record User(String id, String name, Role role, String grid, String passwordHash) {

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** The user as the API shows them: never the hash. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("name", name).put("role", role.id()).put("grid", grid);
    }

    @Override
    public String toString() {
        return id + " (" + role.id() + (grid == null ? "" : " of " + grid) + ")";
    }
}
