package org.linli.gateway.http;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linli.gateway.alert.Alert;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What a grid worker learns about other grids over real HTTP: nothing (docs/API.md "Roles"). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GridScopeApiTest {
    private static final String ABSENT = "A9-absent";
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
    @DisplayName("a grid worker gets 403 for the compound-wide /api/status; an operator gets it")
    void statusIsForOperators() throws Exception {
        ConsoleFixture.Login li = f.loginOk("li");
        ConsoleFixture.Login duty = f.loginOk("duty");
        HttpResponse<String> byWorker = f.get("/api/status", li);
        assertEquals(403, byWorker.statusCode(), byWorker.body());
        assertEquals(200, f.get("/api/status", duty).statusCode());
        assertEquals(401, f.get("/api/status", null).statusCode());
    }

    @Test
    @DisplayName("GET /api/grids gives a grid worker her own grid by name and an operator every grid")
    void gridNamesByScope() throws Exception {
        // GIVEN the grid worker of g1 and the operator, logged in
        ConsoleFixture.Login li = f.loginOk("li");
        ConsoleFixture.Login duty = f.loginOk("duty");
        // WHEN each asks for the grids
        HttpResponse<String> mine = f.get("/api/grids", li);
        HttpResponse<String> all = f.get("/api/grids", duty);
        // THEN the worker sees only g1 with its name, the operator both; without a login it is 401
        assertEquals(200, mine.statusCode(), mine.body());
        assertEquals(new io.vertx.core.json.JsonArray().add(new JsonObject().put("id", "g1").put("name", "第一网格")),
                new JsonObject(mine.body()).getJsonArray("grids"));
        assertEquals(List.of("g1", "g2"), new JsonObject(all.body()).getJsonArray("grids").stream()
                .map(o -> ((JsonObject) o).getString("id")).toList());
        assertEquals(401, f.get("/api/grids", null).statusCode());
    }

    @Test
    @DisplayName("acting on another grid's alert answers exactly as acting on an absent one: 404, same body, no grid named")
    void actingOnHiddenAlertLooksAbsent() throws Exception {
        // GIVEN an alert of grid g2 and the grid worker of g1
        Alert theirs = f.raise("7-1-202");
        ConsoleFixture.Login li = f.loginOk("li");
        // WHEN they try every action on it, and on an id that does not exist, with good and bad bodies
        for (String action : List.of("accept", "on-site", "resolve", "verify", "dismiss", "no-such-action")) {
            for (String body : List.of("{}", "{\"outcome\":\"FALSE_ALARM_TEST\",\"note\":\"x\"}", "not json")) {
                HttpResponse<String> hidden = postRaw("/api/alerts/" + theirs.id() + "/" + action, li, body);
                HttpResponse<String> absent = postRaw("/api/alerts/" + ABSENT + "/" + action, li, body);
                // THEN both answers are the same 404, and the hidden one names neither the grid nor the place
                String what = action + " " + body;
                assertEquals(404, hidden.statusCode(), what + ": " + hidden.body());
                assertEquals(absent.statusCode(), hidden.statusCode(), what);
                assertEquals(absent.body().replace(ABSENT, "<id>"), hidden.body().replace(theirs.id(), "<id>"), what);
                assertEquals(absent.headers().firstValue("Content-Type"), hidden.headers().firstValue("Content-Type"));
                assertFalse(hidden.body().replace(theirs.id(), "").matches("(?s).*(g2|grid).*"), hidden.body());
            }
        }
        // AND the alert was not touched
        ConsoleFixture.Login duty = f.loginOk("duty");
        assertEquals("OPEN", new JsonObject(f.get("/api/alerts/" + theirs.id(), duty).body()).getString("state"));
    }

    @Test
    @DisplayName("reading below another grid's alert, its snapshot or its household answers as for absent ones")
    void readingHiddenLooksAbsent() throws Exception {
        // GIVEN an alert of g2 with a snapshot, and the grid worker of g1
        Alert theirs = f.raise("7-1-203");
        f.attachSnapshot(theirs, "snap-b7");
        ConsoleFixture.Login li = f.loginOk("li");
        // WHEN they read below the alert: deliveries and a path that exists below no alert
        for (String sub : List.of("deliveries", "history", "x")) {
            sameAsAbsent(f.get("/api/alerts/" + theirs.id() + "/" + sub, li), theirs.id(),
                    f.get("/api/alerts/" + ABSENT + "/" + sub, li), ABSENT);
        }
        sameAsAbsent(f.get("/api/alerts/" + theirs.id(), li), theirs.id(), f.get("/api/alerts/" + ABSENT, li), ABSENT);
        // AND the snapshot of that alert, against one that does not exist
        sameAsAbsent(f.get("/api/snapshots/snap-b7", li), "snap-b7", f.get("/api/snapshots/snap-none", li), "snap-none");
        // AND the away flag of a g2 household, read and set, against a household that does not exist
        JsonObject until = new JsonObject().put("until", "2026-12-01T00:00:00Z");
        sameAsAbsent(f.get("/api/households/7-1-101/away", li), "7-1-101", f.get("/api/households/3-9-999/away", li), "3-9-999");
        sameAsAbsent(f.put("/api/households/7-1-101/away", li, li.csrf(), until), "7-1-101",
                f.put("/api/households/3-9-999/away", li, li.csrf(), until), "3-9-999");
    }

    private static void sameAsAbsent(HttpResponse<String> hidden, String hiddenId, HttpResponse<String> absent,
                                     String absentId) {
        String where = hidden.uri().getPath();
        assertEquals(404, hidden.statusCode(), where + ": " + hidden.body());
        assertEquals(absent.statusCode(), hidden.statusCode(), where);
        assertEquals(absent.body().replace(absentId, "<id>"), hidden.body().replace(hiddenId, "<id>"), where);
        assertEquals(absent.headers().firstValue("Content-Type"), hidden.headers().firstValue("Content-Type"), where);
        assertFalse(hidden.body().replace(hiddenId, "").matches("(?s).*(g2|grid).*"), hidden.body());
    }

    private static HttpResponse<String> postRaw(String path, ConsoleFixture.Login who, String body) throws Exception {
        return f.http.send(HttpRequest.newBuilder(f.uri(path)).header("Content-Type", "application/json")
                .header("Cookie", who.cookie()).header("X-CSRF-Token", who.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
