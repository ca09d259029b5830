package org.linli.gateway.site;

import java.util.List;
import java.util.Set;

/** A household with its care flags and family contacts. */
public record Household(String key, Set<CareFlag> care, List<Contact> contacts) {
    public Household {
        care = Set.copyOf(care);
        contacts = List.copyOf(contacts);
    }

    public boolean isElderlyLivingAlone() {
        return care.contains(CareFlag.ELDERLY_LIVING_ALONE);
    }

    /** A family member or neighbour to call. */
    public record Contact(String name, String relation, String phone) {
    }
}
