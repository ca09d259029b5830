package org.linli.gateway.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A household with its care flags, the resident's own phones (the first to call on an alarm) and family contacts.
 */
public record Household(String key, Set<CareFlag> care, List<String> phones, List<Contact> contacts) {
    /** The relation word of a resident's own phone in {@link #callOrder()}; shown as 本人 (AlertVocabulary). */
    public static final String RESIDENT = "resident";

    public Household {
        care = Set.copyOf(care);
        phones = List.copyOf(phones);
        contacts = List.copyOf(contacts);
    }

    public boolean isElderlyLivingAlone() {
        return care.contains(CareFlag.ELDERLY_LIVING_ALONE);
    }

    /** Whom to call about this household, in order: the resident's phones (relation {@link #RESIDENT}), then family. */
    public List<Contact> callOrder() {
        List<Contact> out = new ArrayList<>();
        phones.forEach(p -> out.add(new Contact("住户", RESIDENT, p)));
        out.addAll(contacts);
        return out;
    }

    /** A family member or neighbour to call. */
    public record Contact(String name, String relation, String phone) {
        /** Whether this is the resident's own phone rather than a relative's. */
        public boolean isResident() {
            return RESIDENT.equals(relation);
        }
    }
}
