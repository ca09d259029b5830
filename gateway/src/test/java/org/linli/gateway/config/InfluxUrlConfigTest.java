package org.linli.gateway.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linli.gateway.TestSites;
import org.linli.gateway.sitefile.SiteFiles;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** influx.url is checked with the config, so neither check-config nor run accepts a URL the client cannot use. */
class InfluxUrlConfigTest {

    private static String withInfluxUrl(String url) {
        return TestSites.smallYaml().replace("  url: http://127.0.0.1:8086\n", "  url: \"" + url + "\"\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http//127.0.0.1:8086", "127.0.0.1:8086", "ftp://influx:8086", "http://:8086",
            "http://influx:99999", "http://influx db:8086", "http://influx:port"})
    @DisplayName("a malformed influx.url is a config problem naming the key and the value")
    void malformedUrlRefused(String url) {
        // GIVEN a site file whose influx.url is not a usable http(s) URL
        String yaml = withInfluxUrl(url);
        // WHEN it is loaded
        ConfigException e = assertThrows(ConfigException.class,
                () -> SiteFiles.parse(yaml, "t.yaml", TestSites.PROFILES, TestSites.ENV));
        // THEN the one problem names influx.url and the value given
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith("line 43, column 3: influx.url: '" + url + "'"), e.problems().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8086", "https://influx.example", "http://influxdb:8086/",
            "https://[::1]:8086", "http://10.0.0.5:8086/influx"})
    @DisplayName("http and https URLs with a host (and a port or not) are accepted")
    void wellFormedUrlAccepted(String url) {
        assertDoesNotThrow(() -> SiteFiles.parse(withInfluxUrl(url), "t.yaml", TestSites.PROFILES, TestSites.ENV));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://admin:s3cret@influx:8086", "http://admin:s3cret@influx:99999"})
    @DisplayName("a password in a malformed URL is masked in the problem")
    void passwordMasked(String url) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> SiteFiles.parse(withInfluxUrl(url), "t.yaml", TestSites.PROFILES, TestSites.ENV));
        assertTrue(e.problems().get(0).startsWith("line 43, column 3: influx.url: ") && !e.problems().get(0).contains("s3cret"),
                e.problems().get(0));
    }
}
