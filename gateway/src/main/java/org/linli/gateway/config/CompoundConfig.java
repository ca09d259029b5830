package org.linli.gateway.config;

import java.util.List;

/** The administrative tree down to the compound, and the compound's buildings. */
public record CompoundConfig(
        String street,
        String community,
        String compound,
        List<BuildingConfig> buildings) {

    public CompoundConfig {
        buildings = buildings == null ? List.of() : List.copyOf(buildings);
    }
}
