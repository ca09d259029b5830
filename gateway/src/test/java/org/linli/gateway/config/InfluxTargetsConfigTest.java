package org.linli.gateway.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.ConnectionSummary;
import org.linli.gateway.TestSites;
import org.linli.gateway.sitefile.SiteFiles;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list form of {@code influx:} (docs/QUEUE.md, several targets) binds strictly; the single-target form still binds. */
class InfluxTargetsConfigTest {
    private static final String SINGLE = "influx:\n  url: http://127.0.0.1:8086\n  org: linli\n  bucket: compound\n";
    private static final Function<String, String> ENV = name -> name.equals("LINLI_INFLUX_TOKEN")
            || name.equals("LINLI_DISTRICT_TOKEN") ? "t" : null;

    private static String withInflux(String section) {
        String yaml = TestSites.smallYaml();
        assertTrue(yaml.contains(SINGLE), "the small site's influx section");
        return yaml.replace(SINGLE, section);
    }

    private static final String TWO = """
            influx:
              batchSize: 1000
              targets:
                - name: local
                  url: http://127.0.0.1:8086
                  org: linli
                  bucket: compound
                - name: district
                  url: https://vmagent.district.example:8429
                  org: linli
                  bucket: district
                  tokenEnv: LINLI_DISTRICT_TOKEN
                  flushIntervalMs: 5000
            """;

    @Test
    @DisplayName("the single-target form of every existing site file still binds, as one target named influx")
    void singleFormStillBinds() throws Exception {
        SiteConfig c = SiteFiles.parse(TestSites.smallYaml(), "t.yaml", TestSites.PROFILES, TestSites.ENV);
        assertEquals(List.of(new InfluxTarget("influx", "http://127.0.0.1:8086", "linli", "compound",
                "LINLI_INFLUX_TOKEN", 2000, 1000)), c.influx().resolvedTargets());
    }

    @Test
    @DisplayName("two targets bind with the section's defaults and their own values; check-config prints one line per target")
    void twoTargetsBind() throws Exception {
        // GIVEN a site file with a local and a district target
        SiteConfig c = SiteFiles.parse(withInflux(TWO), "t.yaml", TestSites.PROFILES, ENV);
        // THEN each target has its own values, and the section's for what it leaves out
        assertEquals(List.of(
                new InfluxTarget("local", "http://127.0.0.1:8086", "linli", "compound", "LINLI_INFLUX_TOKEN", 1000, 1000),
                new InfluxTarget("district", "https://vmagent.district.example:8429", "linli", "district",
                        "LINLI_DISTRICT_TOKEN", 1000, 5000)), c.influx().resolvedTargets());
        // AND check-config names each target
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConnectionSummary.print(c, ENV, new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("  influxdb  [local] http://127.0.0.1:8086 (org linli, bucket compound, token from $LINLI_INFLUX_TOKEN)"), text);
        assertTrue(text.contains("  influxdb  [district] https://vmagent.district.example:8429 (org linli, bucket district, "
                + "token from $LINLI_DISTRICT_TOKEN)"), text);
    }

    @Test
    @DisplayName("an unknown key in a target, a duplicate name, a bad name and url beside targets are each refused at their place")
    void strictlyBound() {
        // GIVEN a list with a misspelt key, two targets named alike, a name with a capital and url beside the list
        String yaml = withInflux(TWO.replace("  batchSize: 1000\n", "  batchSize: 1000\n  url: http://127.0.0.1:8086\n")
                .replace("      bucket: compound\n", "      bucket: compound\n      buckett: x\n")
                .replace("name: district", "name: local") + "");
        ConfigException e = assertThrows(ConfigException.class,
                () -> SiteFiles.parse(yaml, "t.yaml", TestSites.PROFILES, ENV));
        // THEN the misspelt key is refused first (the file's shape), with the allowed keys
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("influx.targets[0] (local).buckett: unknown key")),
                e.problems().toString());

        // AND without the misspelling, the semantic checks name the duplicate and the url beside the list
        String semantic = yaml.replace("      buckett: x\n", "");
        ConfigException e2 = assertThrows(ConfigException.class,
                () -> SiteFiles.parse(semantic, "t.yaml", TestSites.PROFILES, ENV));
        assertTrue(e2.problems().stream().anyMatch(p -> p.contains("influx.targets[1] (local).name: 'local' names another target too")),
                e2.problems().toString());
        assertTrue(e2.problems().stream().anyMatch(p -> p.contains("influx.url: not beside influx.targets")),
                e2.problems().toString());

        // AND a name that cannot name a file and a label is refused
        ConfigException e3 = assertThrows(ConfigException.class, () -> SiteFiles.parse(
                withInflux(TWO.replace("name: district", "name: District/1")), "t.yaml", TestSites.PROFILES, ENV));
        assertTrue(e3.problems().stream().anyMatch(p -> p.contains("'District/1' is not a target name")),
                e3.problems().toString());
    }
}
