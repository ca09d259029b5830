package org.linli.gateway.site;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.config.ConfigException;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site file's names and time zone are checked at load, with the place of the problem and what would be right. */
class PeopleAndPlacesCheckTest {

    @Test
    @DisplayName("an unknown time zone and a common area with a name but no id are refused")
    void badZoneAndAreaName() {
        // GIVEN a site file with a misspelt zone and an area written with its name only
        String yaml = SiteYaml.text("", "").replace("timeZone: Asia/Shanghai", "timeZone: Asia/Shanghia")
                .replace("{id: boiler-room, name: 锅炉房}, gate]", "{id: boiler-room, name: 锅炉房}, {name: 大门}]");
        // WHEN it is loaded THEN both problems are listed, each where it is
        String problems = problemsOf(yaml);
        assertTrue(problems.contains("site.timeZone") && problems.contains("unknown time zone 'Asia/Shanghia'"), problems);
        assertTrue(problems.contains("site.buildings[0].areas[1]") && problems.contains("a common area needs an id"),
                problems);
    }

    @Test
    @DisplayName("a device naming a misspelt area beside an area with no id gets both problems, not a crash (fuzz finding)")
    void misspeltAreaBesideIdlessArea() {
        // GIVEN an area written with its name only and a device located in "boiler-rom"
        String yaml = SiteYaml.text("", "").replace("{id: boiler-room, name: 锅炉房}, gate]", "{name: 锅炉房}, gate]")
                .replace("location: \"3:boiler-room\"", "location: \"3:boiler-rom\"");
        // WHEN it is loaded THEN both are reported where they are, and the hint is drawn from the areas that have ids
        String problems = problemsOf(yaml);
        assertTrue(problems.contains("site.buildings[0].areas[0]") && problems.contains("a common area needs an id"),
                problems);
        assertTrue(problems.contains("building 3 has no area 'boiler-rom' (its areas: gate)"), problems);
    }

    /** The problems loading {@code yaml} is refused with, one a line. */
    private static String problemsOf(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> org.linli.gateway.sitefile.SiteFiles.parse(yaml,
                "issue14.yaml", org.linli.gateway.TestSites.PROFILES, org.linli.gateway.TestSites.ENV));
        return String.join("\n", e.problems());
    }
}
