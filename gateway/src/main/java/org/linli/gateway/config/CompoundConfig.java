package org.linli.gateway.config;

import java.util.List;

/**
 * The administrative tree down to the compound, the compound's buildings, and its {@code timeZone} (an IANA zone id,
 * default {@value #DEFAULT_TIME_ZONE}): every time a person reads on the console and in chat messages is shown in it.
 */
public record CompoundConfig(
        String street,
        String community,
        String compound,
        List<BuildingConfig> buildings,
        String timeZone) {
    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

    public CompoundConfig {
        buildings = buildings == null ? List.of() : List.copyOf(buildings);
        timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone;
    }

    /** A compound in the default time zone. */
    public CompoundConfig(String street, String community, String compound, List<BuildingConfig> buildings) {
        this(street, community, compound, buildings, null);
    }
}
