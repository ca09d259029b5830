package org.linli.gateway.site;

import org.linli.gateway.config.RulesOptions;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which care flags make a household vulnerable: a gas or fire alarm there is CRITICAL_VULNERABLE, the highest
 * severity (DOMAIN.md §4: nobody inside may answer the phone or get out alone). Configured by
 * {@code rules.vulnerableCareFlags} (default: elderly living alone, bedridden, disabled; docs/ALERTS.md); the flags are
 * checked by {@link CareFlagCheck} before this is built. Immutable: callable from any thread.
 */
public final class VulnerableHouseholds {
    private final Set<CareFlag> flags;

    public VulnerableHouseholds(Collection<CareFlag> flags) {
        this.flags = flags.isEmpty() ? EnumSet.noneOf(CareFlag.class) : EnumSet.copyOf(flags);
    }

    /** From {@code rules.vulnerableCareFlags}; throws IllegalArgumentException for a flag the check should have refused. */
    public static VulnerableHouseholds from(RulesOptions rules) {
        Set<CareFlag> flags = EnumSet.noneOf(CareFlag.class);
        for (String id : rules.vulnerableCareFlags()) {
            flags.add(CareFlag.fromId(id).orElseThrow(() -> new IllegalArgumentException("unknown care flag " + id)));
        }
        return new VulnerableHouseholds(flags);
    }

    /** The defaults: {@link RulesOptions#DEFAULT_VULNERABLE_CARE_FLAGS}. */
    public static VulnerableHouseholds defaults() {
        return from(RulesOptions.defaults());
    }

    /** Whether a household with these care flags has any of the vulnerable ones. */
    public boolean isVulnerable(Set<CareFlag> care) {
        return care.stream().anyMatch(flags::contains);
    }

    public Set<CareFlag> flags() {
        return Set.copyOf(flags);
    }
}
