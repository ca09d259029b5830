package org.linli.gateway.config;

import org.junit.jupiter.api.Test;
import org.linli.gateway.TestSites;
import org.linli.gateway.sitefile.SiteFiles;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional uplink: section binds strictly and is checked with the rest of the site file (check-config, run). */
class UplinkConfigTest {

    private static SiteConfig load(String uplinkSection) throws Exception {
        return SiteFiles.parse(TestSites.smallYaml() + uplinkSection, "t.yaml", TestSites.PROFILES, TestSites.ENV);
    }

    @Test
    void anAbsentSectionMeansNoUplink() throws Exception {
        // GIVEN a site file without uplink: WHEN it is loaded THEN there is no uplink
        assertNull(load("").uplink());
    }

    @Test
    void aCompleteSectionBindsWithTheCompoundIdAsClientId() throws Exception {
        // GIVEN an uplink section naming two broker nodes and the compound's place in the centre's tree
        SiteConfig c = load("uplink:\n  urls: [\"tcp://10.0.0.1:1883\", \"tcp://10.0.0.2:1883\"]\n"
                + "  street: xinhua\n  community: heping\n  compound: xingfuli\n");
        // THEN it binds, the client id defaults to the compound id and the topic follows the topic tree
        UplinkOptions u = c.uplink();
        assertEquals(List.of("tcp://10.0.0.1:1883", "tcp://10.0.0.2:1883"), u.urls());
        assertEquals("xingfuli", u.clientId());
        assertTrue(u.enabled());
        assertEquals("linli/v1/xinhua/heping/xingfuli/alert", u.alertTopic());
    }

    @Test
    void problemsAreAllReportedByKey() {
        // GIVEN an uplink section with a bad URL, a wildcard in an id, a missing compound and an unset password variable
        String section = "uplink:\n  urls: [\"http://centre:1883\"]\n  street: \"xin/hua\"\n  community: heping\n"
                + "  passwordEnv: LINLI_TEST_UNSET_UPLINK_PASSWORD\n";
        // WHEN it is loaded THEN each is a problem naming its key
        ConfigException e = assertThrows(ConfigException.class, () -> load(section));
        String all = e.problems().toString();
        assertTrue(all.contains("uplink.urls[0]: 'http://centre:1883' is not of the form"), all);
        assertTrue(all.contains("uplink.street: 'xin/hua' may not contain"), all);
        assertTrue(all.contains("uplink.compound: missing"), all);
        assertTrue(all.contains("uplink.passwordEnv: environment variable LINLI_TEST_UNSET_UPLINK_PASSWORD is not set"), all);
    }

    @Test
    void anUnknownKeyIsRefused() {
        // GIVEN a typo in the uplink section WHEN it is loaded THEN the file is refused, naming the key
        ConfigException e = assertThrows(ConfigException.class, () -> load("uplink:\n  urls: [\"tcp://c:1883\"]\n"
                + "  street: s\n  community: c\n  compound: k\n  clientid: x\n"));
        assertTrue(e.problems().toString().contains("clientid"), e.problems().toString());
    }

    @Test
    void theSummaryPeriodDefaultsTo15SecondsAndMustStayUnderAMinute() throws Exception {
        // GIVEN a section without summarySeconds THEN the summary goes out at least every 15 s
        String base = "uplink:\n  urls: [\"tcp://c:1883\"]\n  street: s\n  community: c\n  compound: k\n";
        assertEquals(15, load(base).uplink().summarySeconds());
        assertEquals(5, load(base + "  summarySeconds: 5\n").uplink().summarySeconds());
        // WHEN it is 60 (the centre's limit for a silent compound) or 4 THEN the file is refused, naming the key
        for (int bad : new int[]{4, 60}) {
            ConfigException e = assertThrows(ConfigException.class, () -> load(base + "  summarySeconds: " + bad + "\n"));
            assertTrue(e.problems().toString().contains("uplink.summarySeconds: must be between 5 and 59"),
                    e.problems().toString());
        }
    }

    @Test
    void tlsTakesTheMqttSectionsSettingsAndIsCheckedLikeThem() throws Exception {
        // GIVEN TLS settings with an unreadable CA file, a certificate without its key, and only tcp:// nodes
        String section = "uplink:\n  urls: [\"tcp://c:1883\"]\n  street: s\n  community: c\n  compound: k\n"
                + "  tls:\n    caFile: /nonexistent/ca.pem\n    certFile: /nonexistent/gw.pem\n";
        // WHEN it is loaded THEN each is a problem naming its key
        ConfigException e = assertThrows(ConfigException.class, () -> load(section));
        String all = e.problems().toString();
        assertTrue(all.contains("uplink.tls: set, but no uplink.urls entry is ssl://"), all);
        assertTrue(all.contains("uplink.tls: certFile and keyFile go together"), all);
        assertTrue(all.contains("uplink.tls.caFile: cannot read '/nonexistent/ca.pem'"), all);
        // AND an ssl:// node without tls settings binds (the JVM's trust store is used)
        SiteConfig c = load("uplink:\n  urls: [\"ssl://c:8883\"]\n  street: s\n  community: c\n  compound: k\n");
        assertNull(c.uplink().tls());
    }
}
