package org.linli.gateway.config;

import java.util.List;
import java.util.Map;

/**
 * A building (楼栋): its units, its common areas (ids such as {@code boiler-room}, used in device locations
 * {@code 7:boiler-room}) and the names people read for them ({@code areaNames}: {@code boiler-room: 锅炉房}).
 */
public record BuildingConfig(String id, List<UnitConfig> units, List<String> areas, Map<String, String> areaNames) {
    public BuildingConfig {
        units = units == null ? List.of() : List.copyOf(units);
        areas = areas == null ? List.of() : List.copyOf(areas);
        areaNames = areaNames == null ? Map.of() : Map.copyOf(areaNames);
    }

    /** A building whose areas have no names (their ids are shown). */
    public BuildingConfig(String id, List<UnitConfig> units, List<String> areas) {
        this(id, units, areas, null);
    }
}
