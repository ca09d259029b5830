package org.linli.gateway.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.TestSites;
import org.linli.gateway.auth.PasswordHasher;
import org.linli.gateway.sitefile.SiteFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsersConfigTest {
    private static final String HASH = PasswordHasher.hash("duty123".toCharArray());

    private static SiteConfig parse(String users) throws ConfigException {
        return SiteFiles.parse(TestSites.smallYaml() + users, "test.yaml", TestSites.PROFILES, TestSites.ENV);
    }

    @Test
    @DisplayName("a users: section binds operator and grid worker; without it users is null (open API)")
    void binds() throws Exception {
        // WHEN a file lists an operator and a grid worker
        SiteConfig c = parse("users:\n"
                + "  - {id: duty, name: 值班员, role: operator, passwordHash: \"" + HASH + "\"}\n"
                + "  - {id: li, name: 李娜, role: grid_worker, grid: g1, passwordHash: \"" + HASH + "\"}\n");
        // THEN both are bound with role and grid
        assertEquals(2, c.users().size());
        assertEquals(Role.GRID_WORKER, c.users().get(1).role());
        assertEquals("g1", c.users().get(1).grid());
        // AND a file without the section has none
        assertNull(TestSites.small().users());
    }

    @Test
    @DisplayName("bad users are reported with their path: missing role, grid worker without or with an unknown grid, weak or malformed hash, duplicate id")
    void problems() {
        String weak = PasswordHasher.hash("x".toCharArray(), 1000);
        ConfigException e = assertThrows(ConfigException.class, () -> parse("users:\n"
                + "  - {id: duty, name: 值班员, passwordHash: \"" + HASH + "\"}\n"
                + "  - {id: li, name: 李娜, role: grid_worker, passwordHash: \"" + HASH + "\"}\n"
                + "  - {id: chen, name: 陈静, role: grid_worker, grid: g9, passwordHash: \"" + weak + "\"}\n"
                + "  - {id: chen, name: 陈静, role: operator, passwordHash: duty123}\n"));
        String m = e.getMessage();
        assertTrue(m.contains("users[0].role: missing: one of operator, grid_worker"), m);
        assertTrue(m.contains("users[1].grid: missing"), m);
        assertTrue(m.contains("users[2].grid: no grid 'g9'"), m);
        assertTrue(m.contains("users[2].passwordHash: 1000 iterations"), m);
        assertTrue(m.contains("users[3].id: user 'chen' is listed twice"), m);
        assertTrue(m.contains("users[3].passwordHash: not a pbkdf2-sha256"), m);
    }

    @Test
    @DisplayName("an unknown role is refused while the file is read, with its line and the roles there are")
    void unknownRoleRefusedWithLine() {
        // GIVEN a user with a role the console does not know
        String users = "users:\n  - {id: duty, name: 值班员, role: admin, passwordHash: \"" + HASH + "\"}\n";
        int line = (int) (TestSites.smallYaml() + users).lines().count();
        // WHEN the file is loaded
        ConfigException e = assertThrows(ConfigException.class, () -> parse(users));
        // THEN the one problem names the line, the path and the allowed roles
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("line " + line + ", column ")
                && e.problems().get(0).contains("users[0].role: unknown role 'admin' (allowed: operator, grid_worker)"),
                e.getMessage());
    }
}
