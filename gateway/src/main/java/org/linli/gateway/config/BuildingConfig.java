package org.linli.gateway.config;

import java.util.List;

/** A building (楼栋): its units and its common areas (boiler room, bicycle shed, e-bike charging...). */
public record BuildingConfig(String id, List<UnitConfig> units, List<String> areas) {
    public BuildingConfig {
        units = units == null ? List.of() : List.copyOf(units);
        areas = areas == null ? List.of() : List.copyOf(areas);
    }
}
