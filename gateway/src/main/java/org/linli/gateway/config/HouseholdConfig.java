package org.linli.gateway.config;

import java.util.List;

/**
 * A household (户): flat number, care flags (elderly_living_alone, empty_nest, disabled, bedridden), the resident's own
 * {@code phones} (called first on an alarm) and family contacts.
 */
public record HouseholdConfig(String id, List<String> care, List<String> phones, List<ContactConfig> contacts) {
    public HouseholdConfig {
        care = care == null ? List.of() : List.copyOf(care);
        phones = phones == null ? List.of() : List.copyOf(phones);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** A household without phones of its own. */
    public HouseholdConfig(String id, List<String> care, List<ContactConfig> contacts) {
        this(id, care, List.of(), contacts);
    }
}
