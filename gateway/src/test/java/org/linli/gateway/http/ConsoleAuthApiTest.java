package org.linli.gateway.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linli.gateway.alert.Alert;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login, cookies, CSRF and per-grid visibility over real HTTP against the real API (docs/CONSOLE.md). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConsoleAuthApiTest {
    private static ConsoleFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new ConsoleFixture(ConsoleFixture.USERS);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    @DisplayName("a correct login sets an HttpOnly, SameSite=Strict session cookie of 256 random bits and returns a CSRF token")
    void loginSetsCookie() throws Exception {
        // GIVEN no session: the API refuses, the health check does not
        assertEquals(401, f.get("/api/alerts", null).statusCode());
        assertEquals(200, f.get("/health", null).statusCode());
        // WHEN the operator logs in
        ConsoleFixture.Login duty = f.loginOk("duty");
        // THEN the cookie carries the flags, the body the user and a token, and the cookie opens the API
        String setCookie = duty.response().headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("linli_session="), setCookie);
        assertTrue(setCookie.toLowerCase().contains("; httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP on loopback: no Secure flag " + setCookie);
        assertEquals(43, duty.cookie().length() - "linli_session=".length(), "256 bits in unpadded base64url");
        JsonObject body = new JsonObject(duty.response().body());
        assertEquals("operator", body.getJsonObject("user").getString("role"));
        assertNull(body.getJsonObject("user").getString("passwordHash"));
        assertEquals(43, duty.csrf().length());
        assertEquals(200, f.get("/api/alerts", duty).statusCode());
        assertEquals(duty.csrf(), new JsonObject(f.get("/api/session", duty).body()).getString("csrfToken"));
    }

    @Test
    @DisplayName("a wrong password and an unknown user get the same 401 and no cookie")
    void wrongLogin() throws Exception {
        // WHEN one login names a real user with a wrong password and one an unknown user
        HttpResponse<String> wrongPassword = f.login("chen", "wrong");
        HttpResponse<String> unknownUser = f.login("nobody", ConsoleFixture.PASSWORD);
        // THEN both are refused identically, without saying which part was wrong
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownUser.statusCode());
        assertEquals(wrongPassword.body(), unknownUser.body());
        assertTrue(wrongPassword.headers().firstValue("Set-Cookie").isEmpty());
        // AND a cookie value that was never issued opens nothing
        assertEquals(401, f.get("/api/alerts", new ConsoleFixture.Login("linli_session=forged", "x", null)).statusCode());
    }

    @Test
    @DisplayName("a state-changing request without the session's X-CSRF-Token, or with a wrong one, is refused with 403")
    void csrf() throws Exception {
        // GIVEN a logged-in grid worker
        ConsoleFixture.Login li = f.loginOk("li");
        // WHEN logout is posted with no token, then with another session's token
        ConsoleFixture.Login other = f.loginOk("chen");
        HttpResponse<String> none = f.post("/api/logout", li, null, new JsonObject());
        HttpResponse<String> wrong = f.post("/api/logout", li, other.csrf(), new JsonObject());
        // THEN both are 403 and the session still works
        assertEquals(403, none.statusCode());
        assertEquals(403, wrong.statusCode());
        assertEquals(200, f.get("/api/alerts", li).statusCode());
        // WHEN it is posted with the right token THEN the session ends and its cookie no longer opens the API
        HttpResponse<String> ok = f.post("/api/logout", li, li.csrf(), new JsonObject());
        assertEquals(200, ok.statusCode());
        assertTrue(ok.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(401, f.get("/api/alerts", li).statusCode());
    }

    @Test
    @DisplayName("a grid worker sees only their grid's alerts and devices, gets 404 reading and acting on another grid's alert")
    void gridWorkerScope() throws Exception {
        // GIVEN an alert in building 3 (grid g1) and one in building 7 (grid g2)
        Alert mine = f.raise("3-2-502");
        Alert theirs = f.raise("7-1-102");
        ConsoleFixture.Login li = f.loginOk("li");
        ConsoleFixture.Login duty = f.loginOk("duty");
        // WHEN the grid worker of g1 lists alerts THEN only g1's are there
        JsonArray list = new JsonObject(f.get("/api/alerts", li).body()).getJsonArray("alerts");
        assertTrue(ids(list).contains(mine.id()));
        assertFalse(ids(list).contains(theirs.id()));
        list.forEach(a -> assertEquals("g1", ((JsonObject) a).getString("grid")));
        // AND the other grid's alert does not exist for them, neither to read nor to act on
        assertEquals(200, f.get("/api/alerts/" + mine.id(), li).statusCode());
        assertEquals(404, f.get("/api/alerts/" + theirs.id(), li).statusCode());
        assertEquals(404, f.get("/api/alerts/" + theirs.id() + "/deliveries", li).statusCode());
        assertEquals(404, f.post("/api/alerts/" + theirs.id() + "/accept", li, li.csrf(), new JsonObject().put("by", "li")).statusCode());
        // AND devices and dead letters are scoped too
        JsonArray devices = new JsonObject(f.get("/api/devices", li).body()).getJsonArray("devices");
        assertFalse(devices.isEmpty());
        devices.forEach(d -> assertEquals("g1", ((JsonObject) d).getString("grid")));
        assertEquals(403, f.get("/api/dead-letters", li).statusCode());
        // WHEN the operator looks THEN both alerts are there
        List<String> all = ids(new JsonObject(f.get("/api/alerts", duty).body()).getJsonArray("alerts"));
        assertTrue(all.contains(mine.id()) && all.contains(theirs.id()));
        assertEquals(200, f.get("/api/alerts/" + theirs.id(), duty).statusCode());
        assertEquals(200, f.get("/api/dead-letters", duty).statusCode());
    }

    @Test
    @DisplayName("a grid worker gets a snapshot only through an alert of their grid (404 otherwise), and no camera discovery")
    void snapshotScope() throws Exception {
        Alert mine = f.raise("3-1-201");
        f.attachSnapshot(mine, "snap-g1");
        ConsoleFixture.Login li = f.loginOk("li");
        ConsoleFixture.Login chen = f.loginOk("chen");
        ConsoleFixture.Login duty = f.loginOk("duty");

        assertEquals(200, f.get("/api/snapshots/snap-g1", li).statusCode());
        assertEquals("jpeg snap-g1", f.get("/api/snapshots/snap-g1", li).body());
        assertEquals(404, f.get("/api/snapshots/snap-g1", chen).statusCode(), "grid g2 worker, g1 alert's snapshot");
        assertEquals(404, f.get("/api/snapshots/snap-unlinked", li).statusCode(), "a snapshot of no alert");
        assertEquals(200, f.get("/api/snapshots/snap-g1", duty).statusCode(), "the operator sees every snapshot");
        assertEquals(401, f.get("/api/snapshots/snap-g1", null).statusCode(), "no session, no snapshot");

        assertEquals(403, f.get("/api/cameras/discovery", chen).statusCode());
        assertEquals(200, f.get("/api/cameras/discovery", duty).statusCode());
    }

    @Test
    @DisplayName("verifying a resolved alert is the duty office's step: a grid worker gets 403 even in their own grid")
    void verifyIsForOperators() throws Exception {
        // GIVEN an alert of g1 that its grid worker accepted and resolved
        Alert a = f.raise("3-1-302");
        ConsoleFixture.Login li = f.loginOk("li");
        assertEquals(200, f.post("/api/alerts/" + a.id() + "/accept", li, li.csrf(), new JsonObject()).statusCode());
        var resolved = f.post("/api/alerts/" + a.id() + "/resolve", li, li.csrf(),
                new JsonObject().put("outcome", "FALSE_ALARM_COOKING").put("note", "油烟"));
        assertEquals(200, resolved.statusCode(), resolved.body());
        // WHEN the grid worker tries to verify it THEN it is refused and the alert stays RESOLVED
        var byWorker = f.post("/api/alerts/" + a.id() + "/verify", li, li.csrf(), new JsonObject());
        assertEquals(403, byWorker.statusCode(), byWorker.body());
        assertEquals("RESOLVED", new JsonObject(f.get("/api/alerts/" + a.id(), li).body()).getString("state"));
        // WHEN the duty office verifies it THEN it is closed
        ConsoleFixture.Login duty = f.loginOk("duty");
        var byDuty = f.post("/api/alerts/" + a.id() + "/verify", duty, duty.csrf(), new JsonObject());
        assertEquals(200, byDuty.statusCode(), byDuty.body());
        assertEquals("CLOSED", new JsonObject(f.get("/api/alerts/" + a.id(), duty).body()).getString("state"));
    }

    @Test
    @DisplayName("a grid worker acts on their own grid's alert; the history names the session's user, not the body's 'by'")
    void actingUserFromSession() throws Exception {
        // GIVEN an alert in g1 and its grid worker logged in
        Alert a = f.raise("3-1-102");
        ConsoleFixture.Login li = f.loginOk("li");
        // WHEN they accept it with a body that claims to be someone else
        var accepted = f.post("/api/alerts/" + a.id() + "/accept", li, li.csrf(), new JsonObject().put("by", "duty"));
        // THEN the step is recorded under their own id
        assertEquals(200, accepted.statusCode(), accepted.body());
        JsonObject after = new JsonObject(f.get("/api/alerts/" + a.id(), li).body());
        assertEquals("ACCEPTED", after.getString("state"));
        JsonObject last = after.getJsonArray("history").getJsonObject(after.getJsonArray("history").size() - 1);
        assertEquals("ACCEPTED", last.getString("action"));
        assertEquals("li", last.getString("by"));
        // AND a household away flag of another grid cannot be set by them (404: not theirs), but of their own grid it can
        JsonObject until = new JsonObject().put("until", "2026-12-01T00:00:00Z");
        assertEquals(404, f.put("/api/households/7-1-101/away", li, li.csrf(), until).statusCode());
        assertEquals(200, f.put("/api/households/3-2-502/away", li, li.csrf(), until).statusCode());
    }

    @Test
    @DisplayName("the live stream of a grid worker carries only their grid's alerts")
    void streamFiltered() throws Exception {
        // GIVEN the grid worker of g2 has the live stream open
        ConsoleFixture.Login chen = f.loginOk("chen");
        BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
        BlockingQueue<Integer> status = new LinkedBlockingQueue<>();
        f.http.sendAsync(HttpRequest.newBuilder(f.uri("/api/alerts/stream")).header("Cookie", chen.cookie()).build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
                    status.add(r.statusCode());
                    // alert events only: the stream's one "replayed" marker carries a count, not an alert
                    r.body().filter(l -> l.startsWith("data: ")).map(l -> new JsonObject(l.substring(6)))
                            .filter(j -> j.containsKey("id")).forEach(events::add);
                });
        // (the 200 arrives once the stream is registered: alerts raised from now on are offered to it)
        assertEquals(200, status.poll(20, TimeUnit.SECONDS));
        // WHEN an alert is raised in g1, then one in g2
        Alert g1 = f.raise("3-1-101");
        Alert g2 = f.raise("7-1-201");
        // THEN g2's alert arrives, and everything before it (the replay of alerts already open, then the live ones,
        // in the order raised) is g2's: g1's, raised earlier, would have come first
        List<JsonObject> received = new ArrayList<>();
        JsonObject last;
        do {
            last = events.poll(20, TimeUnit.SECONDS);
            assertNotNull(last, "g2's alert never came on the stream; received " + received);
            received.add(last);
        } while (!g2.id().equals(last.getString("id")));
        for (JsonObject e : received) {
            assertNotEquals(g1.id(), e.getString("id"), "the g1 alert must not reach a g2 stream");
            assertEquals("g2", e.getString("grid"), e.encode());
        }
    }

    @Test
    @DisplayName("after 5 failed logins the same user and address must wait, even with the right password; others need not")
    void throttled() throws Exception {
        // GIVEN five wrong passwords for one user
        for (int i = 0; i < 5; i++) {
            assertEquals(401, f.login("wang", "guess" + i).statusCode());
        }
        // WHEN the right password follows THEN it is refused with 429 and a Retry-After
        HttpResponse<String> locked = f.login("wang", ConsoleFixture.PASSWORD);
        assertEquals(429, locked.statusCode());
        int retryAfter = Integer.parseInt(locked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 61, "Retry-After " + retryAfter);
        // AND another user from the same address still logs in
        assertEquals(200, f.login("chen", ConsoleFixture.PASSWORD).statusCode());
    }

    @Test
    @DisplayName("a login that is not JSON is refused with 400, so a cross-site HTML form cannot post one")
    void loginNeedsJson() throws Exception {
        HttpResponse<String> r = f.http.send(HttpRequest.newBuilder(f.uri("/api/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=duty&password=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
    }

    @Test
    @DisplayName("when the console is published over HTTPS the session cookie is also Secure")
    void secureCookie() throws Exception {
        // GIVEN a gateway whose public URL is https (TLS ends at a reverse proxy in front of it)
        try (ConsoleFixture https = new ConsoleFixture(ConsoleFixture.USERS, true)) {
            // WHEN a user logs in THEN the browser is told never to send the cookie over plain HTTP
            String setCookie = https.loginOk("duty").response().headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(setCookie.contains("; Secure"), setCookie);
        }
    }

    private static List<String> ids(JsonArray alerts) {
        List<String> out = new ArrayList<>();
        alerts.forEach(a -> out.add(((JsonObject) a).getString("id")));
        return out;
    }
}
