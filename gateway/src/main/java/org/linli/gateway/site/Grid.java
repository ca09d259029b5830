package org.linli.gateway.site;

import java.util.Set;

/** A grid and the people responsible for it. */
public record Grid(String id, String name, Set<String> buildings, Person worker, Person leader) {
    public Grid {
        buildings = Set.copyOf(buildings);
    }
}
