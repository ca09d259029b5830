package org.linli.gateway.config;

import java.util.List;

/** A grid (网格): the buildings it covers, its grid worker (网格员) and its grid leader (网格长). */
public record GridConfig(String id, String name, List<String> buildings, PersonConfig worker, PersonConfig leader) {
    public GridConfig {
        buildings = buildings == null ? List.of() : List.copyOf(buildings);
    }
}
