package org.linli.gateway.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.TestSites;
import org.linli.gateway.sitefile.SiteFiles;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsConfigTest {

    private static String withTls(String mqttUrl, String mqttTls, String http) {
        return TestSites.smallYaml()
                .replace("  url: tcp://127.0.0.1:1883\n", "  url: " + mqttUrl + "\n" + mqttTls)
                + http;
    }

    @Test
    @DisplayName("mqtt.tls and http.tlsCertFile/tlsKeyFile bind from the site file, hostname checking on by default")
    void tlsKeysBind(@TempDir Path dir) throws Exception {
        // GIVEN PEM files that exist (their content is checked when the gateway loads them, not here)
        for (String f : new String[] {"ca.pem", "client.pem", "client.key", "https.pem", "https.key"}) {
            Files.writeString(dir.resolve(f), "x");
        }
        String yaml = withTls("ssl://broker.example:8883",
                "  tls: {caFile: " + dir.resolve("ca.pem") + ", certFile: " + dir.resolve("client.pem")
                        + ", keyFile: " + dir.resolve("client.key") + "}\n",
                "http: {host: 0.0.0.0, port: 8443, tlsCertFile: " + dir.resolve("https.pem") + ", tlsKeyFile: "
                        + dir.resolve("https.key") + "}\n");
        // WHEN it is loaded
        SiteConfig c = SiteFiles.parse(yaml, "t.yaml", TestSites.PROFILES, TestSites.ENV);
        // THEN every setting is there
        assertEquals(dir.resolve("ca.pem").toString(), c.mqtt().tls().caFile());
        assertEquals(dir.resolve("client.key").toString(), c.mqtt().tls().keyFile());
        assertTrue(c.mqtt().tls().verifyHostname(), "hostname verification is on unless switched off");
        assertNull(c.mqtt().tls().keyPasswordEnv());
        assertTrue(c.mqtt().usesTls());
        assertTrue(c.http().usesTls());
        assertEquals(dir.resolve("https.key").toString(), c.http().tlsKeyFile());
    }

    @Test
    @DisplayName("TLS mistakes are reported by path: unreadable files, a tcp:// url with tls, a cert without key, an unset key password variable")
    void tlsMistakesNamed(@TempDir Path dir) {
        // GIVEN a file with every TLS mistake at once
        String yaml = withTls("tcp://broker.example:1883",
                "  tls: {caFile: " + dir.resolve("missing-ca.pem") + ", certFile: " + dir.resolve("c.pem")
                        + ", keyPasswordEnv: LINLI_NOT_SET}\n",
                "http: {tlsCertFile: " + dir.resolve("https.pem") + "}\n");
        // WHEN it is loaded THEN each is named by its path in the file
        ConfigException e = assertThrows(ConfigException.class,
                () -> SiteFiles.parse(yaml, "t.yaml", TestSites.PROFILES, TestSites.ENV));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("mqtt.tls: set, but mqtt.url"), all);
        assertTrue(all.contains("mqtt.tls.caFile: cannot read"), all);
        assertTrue(all.contains("certFile and keyFile go together"), all);
        assertTrue(all.contains("mqtt.tls.keyPasswordEnv: environment variable LINLI_NOT_SET is not set"), all);
        assertTrue(all.contains("tlsCertFile and tlsKeyFile go together"), all);
        assertTrue(all.contains("http.tlsCertFile: cannot read"), all);
    }

    @Test
    @DisplayName("A TLS file path that no file system accepts (a NUL from a YAML escape) is a named problem, not InvalidPathException")
    void invalidPathNamed() {
        // found with ConfigLoaderFuzzTest (an input written into its corpus by hand): Path.of threw InvalidPathException out of ConfigLoader.parse
        String yaml = withTls("tcp://127.0.0.1:1883", "", "http: {tlsCertFile: \"a\\0b\", tlsKeyFile: k.pem}\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> SiteFiles.parse(yaml, "t.yaml", TestSites.PROFILES, TestSites.ENV));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("http.tlsCertFile: not a valid file path"), all);
    }
}
