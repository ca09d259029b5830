package org.linli.gateway.config;

import java.util.List;

/**
 * A building (楼栋): its units and its common areas (boiler room, bicycle shed, e-bike charging...), each with the
 * id used in device locations and the name people read ({@link AreaConfig}).
 */
public record BuildingConfig(String id, List<UnitConfig> units, List<AreaConfig> areas) {
    public BuildingConfig {
        units = units == null ? List.of() : List.copyOf(units);
        areas = areas == null ? List.of() : List.copyOf(areas);
    }

    /**
     * The ids of the building's common areas that have one (an area written without an id is reported by the site
     * check, and must not reach the places and hints built from these).
     */
    public List<String> areaIds() {
        return areas.stream().map(AreaConfig::id).filter(id -> id != null && !id.isBlank()).toList();
    }
}
