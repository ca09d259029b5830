package org.linli.gateway.site;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;
import org.linli.gateway.MutableClock;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertStore;
import org.linli.gateway.alert.EscalationPolicy;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.config.ConfigException;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.rules.HouseholdAway;
import org.linli.gateway.rules.ParentStatuses;
import org.linli.gateway.rules.RuleEngine;
import org.linli.gateway.source.Sources;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14 item 6: which care flags make a fire CRITICAL_VULNERABLE is configured, with defaults, and checked. */
class VulnerableCareFlagsTest {

    /** The severity of a fire alarm raised through the rule engine at {@code flat} on the given site. */
    private static Severity fireAt(SiteConfig config, String flat) {
        SiteDirectory site = SiteDirectory.from(config);
        MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:00:00Z"));
        AlertService alerts = new AlertService(site, clock, EscalationPolicy.defaults(), AlertStore.NONE);
        RuleEngine engine = new RuleEngine(site, alerts, config.rules(), clock, id -> Optional.empty(),
                new ParentStatuses(new Sources()), new HouseholdAway(AlertStore.NONE, Map.of()));
        String id = "smoke-" + flat;
        engine.onEvent(site.device(id).orElseThrow(), new DeviceEvent(id, EventType.ALARM, clock.instant()));
        return alerts.list().get(0).severity();
    }

    @Test
    @DisplayName("by default elderly living alone, bedridden and disabled are vulnerable; empty-nest alone is not")
    void defaults() throws ConfigException {
        // GIVEN a site file without rules.vulnerableCareFlags
        SiteConfig config = SiteYaml.parse("", "");
        // WHEN fires are raised in flats with different care flags THEN the 空巢老人 + 残疾 flat is vulnerable
        assertEquals(Severity.CRITICAL_VULNERABLE, fireAt(config, "3-2-601"), "empty_nest + disabled");
        assertEquals(Severity.CRITICAL_VULNERABLE, fireAt(config, "3-2-602"), "bedridden");
        assertEquals(Severity.CRITICAL_VULNERABLE, fireAt(config, "3-2-501"), "elderly living alone");
        assertEquals(Severity.CRITICAL, fireAt(config, "3-2-502"), "empty_nest only");
    }

    @Test
    @DisplayName("rules.vulnerableCareFlags replaces the defaults")
    void configured() throws ConfigException {
        // GIVEN a community that counts only empty-nest households as vulnerable
        SiteConfig config = SiteYaml.parse("", "rules:\n  vulnerableCareFlags: [empty_nest]\n");
        // THEN exactly those flats get the vulnerable severity
        assertEquals(Severity.CRITICAL_VULNERABLE, fireAt(config, "3-2-502"));
        assertEquals(Severity.CRITICAL_VULNERABLE, fireAt(config, "3-2-601"));
        assertEquals(Severity.CRITICAL, fireAt(config, "3-2-602"), "bedridden is no longer in the list");
        assertEquals(Severity.CRITICAL, fireAt(config, "3-2-501"), "elderly living alone is no longer in the list");
    }

    @Test
    @DisplayName("an unknown flag in rules.vulnerableCareFlags is refused with the allowed flags")
    void unknownFlagRefused() {
        // GIVEN a misspelt flag WHEN the site file is loaded
        ConfigException e = assertThrows(ConfigException.class,
                () -> SiteYaml.parse("", "rules:\n  vulnerableCareFlags: [elderly_living_alone, alone]\n"));
        // THEN the problem names the entry, the flag and every allowed one
        String problems = String.join("\n", e.problems());
        assertTrue(problems.contains("rules.vulnerableCareFlags[1]"), problems);
        assertTrue(problems.contains("unknown care flag 'alone' (allowed: elderly_living_alone, empty_nest, disabled, "
                + "bedridden)"), problems);
    }
}
