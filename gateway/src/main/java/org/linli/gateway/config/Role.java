package org.linli.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a console user may see and do (docs/CONSOLE.md), written {@code operator} or {@code grid_worker} in
 * {@code users[].role}. Defined here, with the file's other vocabularies, so that the config package depends on no
 * other gateway package; {@code auth} uses it.
 */
public enum Role implements ConfigEnums.Written {
    /** The community duty office: every alert, every device, dead letters. */
    OPERATOR("operator"),
    /** A grid worker (网格员): the alerts and devices of one grid only. */
    GRID_WORKER("grid_worker");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** The role written {@code id}; an unknown one is refused naming the allowed ids. */
    @JsonCreator
    public static Role fromId(String id) {
        return ConfigEnums.byId(Role.class, id, "role");
    }
}
