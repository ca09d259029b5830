package org.linli.gateway.auth;

import java.util.Optional;

/** What a console user may see and do (docs/CONSOLE.md). */
public enum Role {
    /** The community duty office: every alert, every device, dead letters. */
    OPERATOR("operator"),
    /** A grid worker (网格员): the alerts and devices of one grid only. */
    GRID_WORKER("grid_worker");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Role> byId(String id) {
        for (Role r : values()) {
            if (r.id.equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
