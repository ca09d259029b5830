package org.linli.gateway.alert;

import org.linli.gateway.MutableClock;
import org.linli.gateway.TestSites;
import org.linli.gateway.config.ConfigException;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.sitefile.SiteFiles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The small test compound with an escalation section, a hand-moved clock, and a recording listener on every service
 * it makes. Building 3 is grid g1 (worker 李娜 → leader 赵强 → duty office); building 7 is grid g2, which has no leader
 * (worker 陈静 → duty office). The deadlines differ from the defaults (2 min, 5 min, 30 min, 4 h) so that a test
 * passing on them proves the config was read.
 */
final class AlertFixture {
    static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");
    static final String ESCALATION = """

            rules:
              escalation:
                acceptDeadlineSeconds: {CRITICAL_VULNERABLE: 90, CRITICAL: 240, MAJOR: 0}
                dutyOffice: {id: duty, name: 社区值班室, phone: "02000000000"}
            """;
    static final AlertKey GAS_KEY = AlertKey.device("gas-3-2-501", AlertType.GAS_LEAK);
    static final AlertKey FIRE_KEY = AlertKey.device("smoke-7-1-101", AlertType.FIRE);
    static final AlertKey BUS_KEY = AlertKey.bus("/dev/ttyUSB0");

    final MutableClock clock = new MutableClock(T0);
    final SiteConfig config = parse(TestSites.smallYaml() + ESCALATION);
    final SiteDirectory site = SiteDirectory.from(config);
    final EscalationPolicy policy = EscalationPolicy.from(config.rules().escalation());
    /** Every version any service of this fixture published, with whether it was new. */
    final List<Alert> published = new ArrayList<>();
    final List<Boolean> publishedNew = new ArrayList<>();

    static SiteConfig parse(String yaml) {
        try {
            return SiteFiles.parse(yaml, "site-small.yaml+escalation", TestSites.PROFILES, TestSites.ENV);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A new alert service on this fixture's site, clock and policy, recorded by {@link #published}. */
    AlertService service(AlertStore store) {
        AlertService s = new AlertService(site, clock, policy, store);
        s.addListener((a, isNew) -> {
            published.add(a);
            publishedNew.add(isNew);
        });
        return s;
    }

    /** A gas leak in 3-2-501, an elderly-living-alone flat: CRITICAL_VULNERABLE, grid g1. */
    AlertRequest gasLeak() {
        Device d = site.device("gas-3-2-501").orElseThrow();
        return new AlertRequest(GAS_KEY, AlertType.GAS_LEAK, Severity.CRITICAL_VULNERABLE, d.location(), d, "LEL 35%");
    }

    /** A smoke alarm in 7-1-101: CRITICAL, grid g2 (no leader). */
    AlertRequest fire() {
        Device d = site.device("smoke-7-1-101").orElseThrow();
        return new AlertRequest(FIRE_KEY, AlertType.FIRE, Severity.CRITICAL, d.location(), d, "smoke");
    }

    /** A serial bus of building 7 offline: MAJOR, about a place and no device. */
    AlertRequest busOffline() {
        return new AlertRequest(BUS_KEY, AlertType.BUS_OFFLINE, Severity.MAJOR, Location.parse("7"), null,
                "adapter unplugged");
    }

    /** Versions published for one alert, oldest first. */
    List<Alert> versionsOf(String alertId) {
        return published.stream().filter(a -> a.id().equals(alertId)).toList();
    }
}
