package org.linli.gateway.http;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without a users: section the API stays open, as tests and the loopback-only demo expect. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenModeApiTest {
    @Test
    @DisplayName("with no users configured every alert is readable without a login, and the console page is served")
    void openWithoutUsers() throws Exception {
        try (ConsoleFixture f = new ConsoleFixture(null)) {
            // GIVEN alerts in both grids
            f.raise("3-2-501");
            f.raise("7-1-101");
            // WHEN read without any cookie THEN all are there
            var r = f.get("/api/alerts", null);
            assertEquals(200, r.statusCode());
            assertEquals(2, new JsonObject(r.body()).getInteger("count"));
            JsonObject session = new JsonObject(f.get("/api/session", null).body());
            assertFalse(session.getBoolean("authRequired"));
            // AND the console page comes from the gateway with a restrictive content policy
            var page = f.get("/", null);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<title>"), page.body());
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'self'"));
            // AND a login is pointless: 404
            assertEquals(404, f.login("duty", "x").statusCode());
        }
    }
}
