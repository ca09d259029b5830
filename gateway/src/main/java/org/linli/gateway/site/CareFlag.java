package org.linli.gateway.site;

import java.util.Locale;
import java.util.Optional;

/** Household care flags that change how an alarm is handled (DOMAIN.md §1). */
public enum CareFlag {
    ELDERLY_LIVING_ALONE("独居老人"),
    EMPTY_NEST("空巢老人"),
    DISABLED("残疾"),
    BEDRIDDEN("卧床");

    private final String label;

    CareFlag(String label) {
        this.label = label;
    }

    /** The Chinese label shown to grid workers. */
    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CareFlag> fromId(String id) {
        for (CareFlag f : values()) {
            if (f.id().equalsIgnoreCase(id) || f.name().equalsIgnoreCase(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
