package org.linli.gateway.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.TestSites;
import org.linli.gateway.sitefile.SiteFiles;

import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotifyConfigTest {
    private static final Map<String, String> VARS = Map.of("LINLI_INFLUX_TOKEN", "t", "LINLI_WECOM_KEY", "k",
            "LINLI_DT_TOKEN", "dt", "LINLI_DT_SECRET", "SECx");
    private static final Function<String, String> ENV = VARS::get;

    private static final String VALID = """
            notify:
              digestWindowSeconds: 120
              channels:
                - {id: grid1-wecom, type: wecom, keyEnv: LINLI_WECOM_KEY, grids: [g1], fallback: duty-ding}
                - {id: duty-ding, type: dingtalk, tokenEnv: LINLI_DT_TOKEN, secretEnv: LINLI_DT_SECRET, minSeverity: CRITICAL, fallbackOnly: true}
                - {id: platform, type: mqtt}
            """;

    @Test
    @DisplayName("a notify section binds with the robots' real endpoints and 20 per minute as defaults")
    void validSectionBinds() throws ConfigException {
        // GIVEN the small site plus a notify section  WHEN it is loaded
        SiteConfig c = SiteFiles.parse(TestSites.smallYaml() + VALID, "t.yaml", TestSites.PROFILES, ENV);
        // THEN the channels carry their defaults
        NotifyOptions n = c.notifications();
        assertEquals(120, n.digestWindowSeconds());
        assertEquals(3, n.channels().size());
        NotifyChannelOptions wecom = n.channels().get(0);
        assertEquals("https://qyapi.weixin.qq.com", wecom.baseUrl());
        assertEquals(20, wecom.ratePerMinute());
        assertEquals("WARNING", wecom.minSeverity());
        assertEquals("https://oapi.dingtalk.com", n.channels().get(1).baseUrl());
        assertTrue(n.channels().get(1).fallbackOnly());
        assertNull(n.channels().get(2).baseUrl());
        // AND a file without the section still loads, with the empty default section: no channels
        assertEquals(NotifyOptions.none(), TestSites.small().notifications());
        assertFalse(TestSites.small().notifications().hasChannels());
    }

    @Test
    @DisplayName("every mistake in the notify section is reported at once, named by its path")
    void problemsNamedByPath() {
        // GIVEN a section with a missing secret, a dangling fallback, an unknown grid, a bad severity and rate
        String bad = """
                notify:
                  digestWindowSeconds: 0
                  channels:
                    - {id: a, type: mqtt}
                    - {id: b, type: wecom, keyEnv: NOT_SET, fallback: nowhere}
                    - {id: c, type: dingtalk, grids: [g9], minSeverity: URGENT, ratePerMinute: 0}
                    - {id: b, type: webhook, urlEnv: LINLI_WECOM_KEY}
                """;
        // WHEN it is loaded
        ConfigException e = assertThrows(ConfigException.class,
                () -> SiteFiles.parse(TestSites.smallYaml() + bad, "t.yaml", TestSites.PROFILES, ENV));
        // THEN each problem names its place in the file
        String all = String.join("\n", e.problems());
        for (String expected : new String[] {
                "notify.digestWindowSeconds: must be 1..3600",
                "notify.channels[1] (b).keyEnv: environment variable NOT_SET is not set",
                "notify.channels[1] (b).fallback: no channel with id 'nowhere'",
                "notify.channels[2] (c).tokenEnv: missing",
                "notify.channels[2] (c).grids: grid 'g9' is not in grids",
                "notify.channels[2] (c).minSeverity: unknown severity 'URGENT'",
                "notify.channels[2] (c).ratePerMinute: must be 1..10000, got 0",
                "notify.channels[3] (b).id: channel id 'b' is listed twice",
                "notify.channels[3] (b).urlEnv: environment variable LINLI_WECOM_KEY is not an http(s) URL"}) {
            assertTrue(all.contains(expected), "missing: " + expected + "\nin:\n" + all);
        }
    }

    @Test
    @DisplayName("an unknown channel type is refused while the file is read, with its line and the types there are")
    void unknownChannelTypeRefused() {
        // GIVEN a channel of a type the gateway cannot deliver to
        String yaml = TestSites.smallYaml() + """
                notify:
                  channels:
                    - {id: a, type: sms}
                """;
        // WHEN it is loaded
        ConfigException e = assertThrows(ConfigException.class,
                () -> SiteFiles.parse(yaml, "t.yaml", TestSites.PROFILES, ENV));
        // THEN the one problem names the line, the path and the allowed types
        assertEquals(1, e.problems().size(), e.getMessage());
        int line = (int) yaml.lines().count();
        assertTrue(e.problems().get(0).startsWith("line " + line + ", column ") && e.problems().get(0).contains(
                "notify.channels[0] (a).type: unknown channel type 'sms' (allowed: wecom, dingtalk, webhook, mqtt)"),
                e.getMessage());
    }
}
