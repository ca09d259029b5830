package org.linli.gateway.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.TestSites;
import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.SiteDirectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    private static ConfigException invalid(String yaml) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "test.yaml", TestSites.PROFILES, TestSites.ENV));
    }

    private static boolean mentions(ConfigException e, String... fragments) {
        return e.problems().stream().anyMatch(p -> {
            for (String f : fragments) {
                if (!p.contains(f)) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    @DisplayName("a valid site file resolves devices to households, care flags and the building's grid worker")
    void validSiteResolves() {
        SiteDirectory site = SiteDirectory.from(TestSites.small());
        var gas = site.device("gas-3-2-501").orElseThrow();
        assertEquals("3-2-501", gas.location().toString());
        assertEquals("李娜", gas.grid().worker().name());
        assertTrue(site.householdOf(gas).orElseThrow().care().contains(CareFlag.ELDERLY_LIVING_ALONE));
        assertEquals(24, site.householdCount(), "two units of 6 floors x 2 flats");
        assertEquals("陈静", site.device("smoke-7-boiler").orElseThrow().grid().worker().name());
    }

    @Test
    @DisplayName("a YAML syntax or type error names the line and column")
    void syntaxErrorNamesLine() {
        ConfigException e = invalid("site:\n  compound: x\n  buildings: [\n");
        assertTrue(e.getMessage().contains("line "), e.getMessage());
        ConfigException typed = invalid(TestSites.smallYaml().replace("floors: 6", "floors: six"));
        assertTrue(mentions(typed, "line ", "floors"), typed.getMessage());
    }

    @Test
    @DisplayName("a misspelt key is an error, not a silently ignored setting")
    void unknownKeyRejected() {
        ConfigException e = invalid(TestSites.smallYaml().replace("clientId: linli-test", "clientID: linli-test"));
        assertTrue(mentions(e, "clientID"), e.getMessage());
    }

    @Test
    @DisplayName("a device in a flat that does not exist is reported with its index, id and the bad location")
    void unknownHousehold() {
        ConfigException e = invalid(TestSites.smallYaml().replace("location: 3-2-502}", "location: 3-2-909}"));
        assertTrue(mentions(e, "devices[1] (gas-3-2-502).location", "3-2-909"), e.getMessage());
    }

    @Test
    @DisplayName("an unknown vendor profile, a profile of the wrong device type and a duplicate id are each reported")
    void profileAndDuplicateProblems() {
        String yaml = TestSites.smallYaml()
                .replace("{id: gas-3-2-502, type: gas_alarm, profile: test-gas", "{id: gas-3-2-501, type: gas_alarm, profile: nope")
                .replace("{id: water-7-1-101, type: water_meter, profile: test-water", "{id: water-7-1-101, type: water_meter, profile: test-gas");
        ConfigException e = invalid(yaml);
        assertTrue(mentions(e, "unknown vendor profile 'nope'"), e.getMessage());
        assertTrue(mentions(e, "listed twice", "gas-3-2-501"), e.getMessage());
        assertTrue(mentions(e, "decodes gas_alarm", "water_meter"), e.getMessage());
    }

    @Test
    @DisplayName("a building with devices but no grid is refused: its alerts would reach nobody")
    void buildingWithoutGrid() {
        ConfigException e = invalid(TestSites.smallYaml().replace("buildings: [\"7\"]", "buildings: []"));
        assertTrue(mentions(e, "building 7 has devices but no grid"), e.getMessage());
    }

    @Test
    @DisplayName("a missing InfluxDB token variable and a QoS 0 device subscription are refused with the fix")
    void secretsAndQos() {
        String yaml = TestSites.smallYaml().replace("clientId: linli-test",
                "clientId: linli-test\n  subscriptions:\n    - {profile: test-gas, qos: 0}");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(yaml, "test.yaml", TestSites.PROFILES, name -> null));
        assertTrue(mentions(e, "influx.tokenEnv", "LINLI_INFLUX_TOKEN"), e.getMessage());
        assertTrue(mentions(e, "mqtt.subscriptions[0].qos", "alarms"), e.getMessage());
    }

    @Test
    @DisplayName("mqtt.maxPacketSizeBytes is read from the site file (default 256 KiB) and one below 1 KiB is refused")
    void maxPacketSize() throws Exception {
        assertEquals(256 * 1024, ConfigLoader.parse(TestSites.smallYaml(), "test.yaml", TestSites.PROFILES, TestSites.ENV)
                .mqtt().maxPacketSizeBytes());
        String set = TestSites.smallYaml().replace("clientId: linli-test", "clientId: linli-test\n  maxPacketSizeBytes: 100000");
        assertEquals(100_000, ConfigLoader.parse(set, "test.yaml", TestSites.PROFILES, TestSites.ENV).mqtt().maxPacketSizeBytes());
        ConfigException e = invalid(TestSites.smallYaml().replace("clientId: linli-test", "clientId: linli-test\n  maxPacketSizeBytes: 10"));
        assertTrue(mentions(e, "mqtt.maxPacketSizeBytes", "262144"), e.getMessage());
    }

    @Test
    @DisplayName("an unknown care flag is reported with the list of known ones")
    void unknownCareFlag() {
        ConfigException e = invalid(TestSites.smallYaml().replace("care: [elderly_living_alone]", "care: [elderly]"));
        assertTrue(mentions(e, "households[0].care", "elderly_living_alone"), e.getMessage());
    }
}
