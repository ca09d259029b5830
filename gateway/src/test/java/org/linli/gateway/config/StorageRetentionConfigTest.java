package org.linli.gateway.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.TestSites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retention keys of the {@code storage} section: defaults, binding, and the start refused on values out of range. */
class StorageRetentionConfigTest {
    private static SiteConfig parse(String storage) throws ConfigException {
        return org.linli.gateway.sitefile.SiteFiles.parse(TestSites.smallYaml() + "\nstorage:\n" + storage, "test.yaml", TestSites.PROFILES,
                TestSites.ENV);
    }

    @Test
    @DisplayName("closedAlertsDays and closedAlertsInMemory default to 7 and 1000 and bind from the site file")
    void defaultsAndBinding() throws Exception {
        // GIVEN no storage section, then one setting both WHEN parsed THEN the defaults, then the values
        assertEquals(7, TestSites.small().storage().closedAlertsDays());
        assertEquals(1000, TestSites.small().storage().closedAlertsInMemory());
        StorageOptions s = parse("  closedAlertsDays: 30\n  closedAlertsInMemory: 50\n").storage();
        assertEquals(30, s.closedAlertsDays());
        assertEquals(50, s.closedAlertsInMemory());
    }

    @Test
    @DisplayName("a negative number of days or a count above 100,000 is refused at start, naming the key")
    void outOfRangeRefused() {
        // GIVEN values out of range WHEN parsed THEN the config is refused with a line per key
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("  closedAlertsDays: -1\n  closedAlertsInMemory: 100001\n"));
        assertTrue(e.problems().stream().anyMatch(p -> p.matches("line \\d+, column 3: storage\\.closedAlertsDays:.*")), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.matches("line \\d+, column 3: storage\\.closedAlertsInMemory:.*")), e.problems().toString());
    }
}
