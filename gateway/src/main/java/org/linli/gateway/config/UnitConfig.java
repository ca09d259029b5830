package org.linli.gateway.config;

import java.util.List;

/**
 * A unit (单元, one stairwell). Households are listed where they carry care flags or contacts; the shorthand
 * {@code floors} × {@code flatsPerFloor} declares the ordinary flats (101, 102, ... 602) without listing each.
 */
public record UnitConfig(String id, Integer floors, Integer flatsPerFloor, List<HouseholdConfig> households) {
    public UnitConfig {
        households = households == null ? List.of() : List.copyOf(households);
    }
}
