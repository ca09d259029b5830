package org.linli.gateway.site;

import org.linli.gateway.config.BuildingConfig;
import org.linli.gateway.config.HouseholdConfig;
import org.linli.gateway.config.SiteCheck;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.UnitConfig;

import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Checks that every household's care flags and the flags of {@code rules.vulnerableCareFlags} are known
 * {@link CareFlag}s, at load and check-config time, so that {@link SiteDirectory} and {@link VulnerableHouseholds} can
 * map them without failing. Lives with the flags it knows (the config package knows none).
 */
public final class CareFlagCheck implements SiteCheck {
    @Override
    public void check(SiteConfig config, BiConsumer<String, String> problem) {
        String known = Arrays.stream(CareFlag.values()).map(CareFlag::id).collect(Collectors.joining(", "));
        java.util.List<String> vulnerable = config.rules().vulnerableCareFlags();
        for (int i = 0; i < vulnerable.size(); i++) {
            if (CareFlag.fromId(vulnerable.get(i)).isEmpty()) {
                problem.accept("rules.vulnerableCareFlags[" + i + "]", "unknown care flag '" + vulnerable.get(i)
                        + "' (allowed: " + known + ")");
            }
        }
        for (int i = 0; i < config.site().buildings().size(); i++) {
            BuildingConfig b = config.site().buildings().get(i);
            for (int j = 0; j < b.units().size(); j++) {
                UnitConfig u = b.units().get(j);
                for (int k = 0; k < u.households().size(); k++) {
                    HouseholdConfig h = u.households().get(k);
                    for (String flag : h.care()) {
                        if (CareFlag.fromId(flag).isEmpty()) {
                            problem.accept("site.buildings[" + i + "].units[" + j + "].households[" + k + "].care",
                                    "unknown care flag '" + flag + "' (known: " + known + ")");
                        }
                    }
                }
            }
        }
    }
}
