package org.linli.gateway.config;

import java.util.List;

/** A household (户): flat number, care flags (elderly_living_alone, empty_nest, disabled, bedridden) and family contacts. */
public record HouseholdConfig(String id, List<String> care, List<ContactConfig> contacts) {
    public HouseholdConfig {
        care = care == null ? List.of() : List.copyOf(care);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
