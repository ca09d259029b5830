package org.linli.gateway.config;

import org.linli.drivers.model.DeviceType;

import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/** Checks the {@code rules:} section; problems are reported with their path in the file, like every other section. */
final class RulesValidator {
    private static final Set<String> SEVERITIES = Set.of("CRITICAL_VULNERABLE", "CRITICAL", "MAJOR", "MINOR", "WARNING");

    private final Set<String> profiles;
    private final Predicate<String> household;
    private final BiConsumer<String, String> problem;

    RulesValidator(Set<String> profiles, Predicate<String> household, BiConsumer<String, String> problem) {
        this.profiles = profiles;
        this.household = household;
        this.problem = problem;
    }

    void check(RulesOptions r) {
        if (r.checkIntervalSeconds() < 1) {
            problem.accept("rules.checkIntervalSeconds", "must be at least 1");
        }
        if (r.gas() != null) {
            gas(r.gas(), "rules.gas");
        }
        r.gasByProfile().forEach((profile, g) -> {
            if (!profiles.contains(profile)) {
                problem.accept("rules.gasByProfile." + profile, "unknown vendor profile '" + profile + "'");
            }
            gas(g, "rules.gasByProfile." + profile);
        });
        r.heartbeat().forEach((key, h) -> {
            String at = "rules.heartbeat." + key;
            if (!profiles.contains(key) && !isDeviceType(key)) {
                problem.accept(at, "'" + key + "' is neither a device type (" + DeviceType.ids() + ") "
                        + "nor a vendor profile");
            }
            if (h == null || h.intervalSeconds() == null || h.intervalSeconds() < 1 || (h.missed() != null && h.missed() < 1)) {
                problem.accept(at, "needs intervalSeconds >= 1 (and missed >= 1 if given)");
            }
        });
        if (r.water() != null) {
            water(r.water(), "rules.water");
        }
        r.waterByHousehold().forEach((key, w) -> {
            if (!household.test(key)) {
                problem.accept("rules.waterByHousehold." + key, "household '" + key + "' is not in site.buildings");
            }
            water(w, "rules.waterByHousehold." + key);
        });
        if (r.escalation() != null) {
            r.escalation().acceptDeadlineSeconds().forEach((sev, secs) -> {
                String at = "rules.escalation.acceptDeadlineSeconds." + sev;
                if (!SEVERITIES.contains(sev)) {
                    problem.accept(at, "unknown severity (known: " + SEVERITIES + ")");
                } else if (secs == null || secs < 0) {
                    problem.accept(at, "must be >= 0 seconds (0: never escalates)");
                }
            });
            PersonConfig d = r.escalation().dutyOffice();
            if (d != null && (blank(d.id()) || blank(d.name()))) {
                problem.accept("rules.escalation.dutyOffice", "needs an id and a name (and a phone for notifications)");
            }
        }
    }

    private void gas(RulesOptions.GasThresholdOptions g, String at) {
        double alarm = g.alarmLel() == null ? 20 : g.alarmLel();
        double clear = g.clearLel() == null ? 10 : g.clearLel();
        if (alarm <= 0 || alarm > 100 || clear < 0 || clear >= alarm) {
            problem.accept(at, "need 0 <= clearLel < alarmLel <= 100 (got alarm " + alarm + ", clear " + clear
                    + "): clearing below the alarm level is what stops an alert flapping");
        }
    }

    private void water(RulesOptions.WaterRuleOptions w, String at) {
        RulesOptions.WaterRuleOptions v = w.orElse(RulesOptions.WaterRuleOptions.DEFAULTS);
        if (v.dailyLimitM3() <= 0 || v.slotUseM3() <= 0 || v.inactivityM3() <= 0) {
            problem.accept(at, "dailyLimitM3, slotUseM3 and inactivityM3 must be positive");
        }
        if (v.inactivityWarnHours() < 1 || v.inactivityAlarmHours() <= v.inactivityWarnHours()) {
            problem.accept(at, "need 1 <= inactivityWarnHours < inactivityAlarmHours");
        }
    }

    private static boolean isDeviceType(String id) {
        for (DeviceType t : DeviceType.values()) {
            if (t.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
