package org.linli.gateway.site;

import org.linli.gateway.config.BuildingConfig;
import org.linli.gateway.config.HouseholdConfig;
import org.linli.gateway.config.SiteCheck;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.UnitConfig;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Checks what the site file says for people to read and call, at load and check-config time: the compound's
 * {@code site.timeZone} is a known zone, every household phone is a phone number (a call button dials it), and every
 * {@code areaNames} entry names one of the building's {@code areas}. Main thread.
 */
public final class PeopleAndPlacesCheck implements SiteCheck {
    /** Digits with an optional leading +, spaces or dashes between them: 13800000001, +86 138-0000-0001, 010-6512 3456. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9](?:[ -]?[0-9]){2,19}");

    @Override
    public void check(SiteConfig config, BiConsumer<String, String> problem) {
        try {
            ZoneId.of(config.site().timeZone());
        } catch (DateTimeException e) {
            problem.accept("site.timeZone", "unknown time zone '" + config.site().timeZone() + "' (e.g. Asia/Shanghai)");
        }
        for (int i = 0; i < config.site().buildings().size(); i++) {
            BuildingConfig b = config.site().buildings().get(i);
            for (String area : b.areaNames().keySet()) {
                if (!b.areas().contains(area)) {
                    problem.accept("site.buildings[" + i + "].areaNames." + area, "building " + b.id() + " has no area '"
                            + area + "' (areas: " + b.areas() + ")");
                }
            }
            for (int j = 0; j < b.units().size(); j++) {
                UnitConfig u = b.units().get(j);
                for (int k = 0; k < u.households().size(); k++) {
                    HouseholdConfig h = u.households().get(k);
                    for (int n = 0; n < h.phones().size(); n++) {
                        String phone = h.phones().get(n);
                        if (phone == null || !PHONE.matcher(phone.trim()).matches()) {
                            problem.accept("site.buildings[" + i + "].units[" + j + "].households[" + k + "].phones["
                                    + n + "]", "'" + phone + "' is not a phone number (digits, optionally + at the "
                                    + "start and spaces or dashes between them; write it in quotes: \"13800000001\")");
                        }
                    }
                }
            }
        }
    }
}
