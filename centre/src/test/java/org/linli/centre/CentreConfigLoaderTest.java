package org.linli.centre;

import org.junit.jupiter.api.Test;
import org.linli.centre.config.CentreConfigLoader;
import org.linli.centre.config.CentreSiteFile;
import org.linli.centre.site.Scope;
import org.linli.centre.site.Topology;
import org.linli.gateway.config.ConfigException;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CentreConfigLoaderTest {

    /** The example file binds: tree, robot, users with their scopes; the replica id comes from LINLI_CENTRE_REPLICA. */
    @Test
    void exampleFileBinds() throws Exception {
        // GIVEN the shipped example and a replica id in the environment
        Map<String, String> env = Map.of("LINLI_CENTRE_REPLICA", "centre-a", "LINLI_CENTRE_BROKER_PASSWORD", "x");
        // WHEN it is loaded
        CentreSiteFile site = CentreConfigLoader.load(Path.of("config/centre.example.yaml"), env::get);
        // THEN every part is bound
        Topology t = new Topology(site);
        assertEquals("centre-a", site.centre().replica());
        assertEquals(45, site.centre().unreachableAfter());
        assertEquals(3, site.broker().urls().size());
        assertEquals(java.util.List.of("x1", "x2", "x3"), t.compounds().stream().map(c -> c.id()).toList());
        assertEquals("c2", t.compound("x3").orElseThrow().community());
        assertEquals("wecom", t.dutyRobot("s1").orElseThrow().type());
        assertEquals(Scope.Level.COMMUNITY, t.user("wangfang").orElseThrow().scope().level());
        assertEquals("s1", t.user("wangfang").orElseThrow().scope().street());
        assertFalse(t.user("x3-viewer").orElseThrow().duty());
    }

    /** An unknown key is refused with its line and column, naming the key and its path. */
    @Test
    void unknownKeyIsRefusedWithItsLine() {
        // GIVEN a site file with a typo on line 5
        String yaml = TestSite.yaml("r1", "tcp://127.0.0.1:1883", 45, null, null)
                .replace("broker:\n", "broker:\n  usrname: centre\n");
        // WHEN it is parsed THEN the problem names the line and the key
        ConfigException e = assertThrows(ConfigException.class,
                () -> CentreConfigLoader.parse(yaml, "centre.yaml", Map.<String, String>of()::get));
        assertEquals(1, e.problems().size());
        String p = e.problems().get(0);
        assertTrue(p.startsWith("line 6, column") && p.contains("broker.usrname: unknown key 'usrname'")
                && p.contains("username"), p);
    }

    /** The archive section binds; a bad URL, an unset password variable and an unknown key are refused by path. */
    @Test
    void archiveSectionIsCheckedStrictly() throws Exception {
        // GIVEN a site file with a good archive section
        String base = TestSite.yaml("r1", "tcp://127.0.0.1:1883", 45, null, null);
        CentreSiteFile ok = CentreConfigLoader.parse(base + "archive:\n  jdbcUrl: \"jdbc:postgresql://db:5432/linli\"\n"
                + "  user: centre\n  passwordEnv: PGPW\n", "centre.yaml", Map.of("PGPW", "s")::get);
        // THEN it binds with the default pool
        assertEquals("jdbc:postgresql://db:5432/linli", ok.archive().jdbcUrl());
        assertEquals(4, ok.archive().poolSizeOrDefault());
        // WHEN the URL is not PostgreSQL's, the password variable is unset and the pool too large THEN each is named
        ConfigException bad = assertThrows(ConfigException.class, () -> CentreConfigLoader.parse(base
                + "archive:\n  jdbcUrl: \"mysql://db/linli\"\n  user: centre\n  passwordEnv: PGPW\n  poolSize: 500\n",
                "centre.yaml", Map.<String, String>of()::get));
        assertEquals(3, bad.problems().size(), bad.problems().toString());
        assertTrue(bad.problems().get(0).startsWith("archive.jdbcUrl:"), bad.problems().toString());
        // WHEN a key is misspelt THEN it is refused with its line
        ConfigException typo = assertThrows(ConfigException.class, () -> CentreConfigLoader.parse(base
                + "archive:\n  jdbcURL: \"jdbc:postgresql://db/linli\"\n", "centre.yaml", Map.<String, String>of()::get));
        assertTrue(typo.problems().get(0).contains("archive.jdbcURL: unknown key 'jdbcURL'"), typo.problems().toString());
    }

    /** A scope naming no existing community, or two scope levels at once, is refused with the user's path. */
    @Test
    void badScopeIsRefused() {
        // GIVEN one user scoped to a missing community and one with two levels
        String yaml = TestSite.yaml("r1", "tcp://127.0.0.1:1883", 45, null, null)
                .replaceFirst("scope: \\{community: c1}", "scope: {community: c9}")
                .replace("scope: {street: s1}", "scope: {street: s1, compound: x1}");
        // WHEN it is parsed THEN both problems are listed
        ConfigException e = assertThrows(ConfigException.class,
                () -> CentreConfigLoader.parse(yaml, "centre.yaml", Map.<String, String>of()::get));
        assertEquals(java.util.List.of("users[0].scope.community: no community 'c9' in streets:",
                "users[1].scope: exactly one of street, community, compound (2 given)"), e.problems());
    }

    /** A duplicate key is refused rather than silently replacing the first. */
    @Test
    void duplicateKeyIsRefused() {
        String yaml = TestSite.yaml("r1", "tcp://127.0.0.1:1883", 45, null, null)
                .replace("  port: 0\n", "  port: 0\n  port: 8091\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> CentreConfigLoader.parse(yaml, "centre.yaml", Map.<String, String>of()::get));
        assertTrue(e.problems().get(0).startsWith("line 4") && e.problems().get(0).contains("Duplicate field 'port'"),
                e.problems().get(0));
    }
}
