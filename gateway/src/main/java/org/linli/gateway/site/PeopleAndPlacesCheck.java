package org.linli.gateway.site;

import org.linli.gateway.config.AreaConfig;
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
 * common area has an id (what device locations name). Main thread.
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
            for (int a = 0; a < b.areas().size(); a++) {
                AreaConfig area = b.areas().get(a);
                if (area == null || area.id() == null || area.id().isBlank()) {
                    problem.accept("site.buildings[" + i + "].areas[" + a + "]", "a common area needs an id (used in "
                            + "device locations such as " + b.id() + ":boiler-room): {id: boiler-room, name: 锅炉房}");
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
