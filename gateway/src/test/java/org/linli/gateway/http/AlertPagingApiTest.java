package org.linli.gateway.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertRetention;
import org.linli.gateway.alert.SqliteAlertStore;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alert read API over real HTTP with a real SQLite store behind the service and a window of ONE closed alert in
 * memory: paging of {@code /api/alerts}, {@code /api/alerts/closed} from the store, {@code /api/alerts/{id}} falling
 * back to the store, the SSE replay's end marker, and the grid scope of each.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AlertPagingApiTest {
    @TempDir
    Path dataDir;
    private SqliteAlertStore store;
    private ConsoleFixture f;
    private ConsoleFixture.Login duty;

    @BeforeEach
    void start() throws Exception {
        store = SqliteAlertStore.open(dataDir).get(10, TimeUnit.SECONDS);
        f = new ConsoleFixture(ConsoleFixture.USERS, store, new AlertRetention(Duration.ofDays(7), 1));
        duty = f.loginOk("duty");
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
        store.close().get(10, TimeUnit.SECONDS);
    }

    private JsonObject get(String path, ConsoleFixture.Login who) throws Exception {
        HttpResponse<String> r = f.get(path, who);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return new JsonObject(r.body());
    }

    private void dismiss(Alert a) throws Exception {
        HttpResponse<String> r = f.post("/api/alerts/" + a.id() + "/dismiss", duty, duty.csrf(),
                new JsonObject().put("outcome", "FALSE_ALARM_TEST").put("note", "drill"));
        assertEquals(200, r.statusCode(), r.body());
    }

    private static List<String> ids(JsonArray alerts) {
        return alerts.stream().map(o -> ((JsonObject) o).getString("id")).toList();
    }

    @Test
    @DisplayName("GET /api/alerts pages by limit and cursor: every alert once, in the one-page order, with total and open over all matching; a bad limit or cursor is 400")
    void listPages() throws Exception {
        // GIVEN 5 open alerts in grid g1 and 2 in grid g2
        for (int i = 0; i < 5; i++) {
            f.raise("3-1-10" + i, "g1:" + i);
        }
        f.raise("7-1-101", "g2:0");
        f.raise("7-1-102", "g2:1");
        List<String> onePage = ids(get("/api/alerts?limit=1000", duty).getJsonArray("alerts"));
        assertEquals(7, onePage.size());

        // WHEN the operator reads them 2 at a time, following "next"
        List<String> paged = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonObject page = get("/api/alerts?limit=2" + (next == null ? "" : "&cursor=" + next), duty);
            assertEquals(7, page.getInteger("total"));
            assertEquals(7, page.getInteger("open"));
            assertEquals(page.getJsonArray("alerts").size(), page.getInteger("count"));
            paged.addAll(ids(page.getJsonArray("alerts")));
            next = page.getString("next");
            pages++;
        } while (next != null);

        // THEN 4 pages held the 7 alerts once each, in the same order as one page
        assertEquals(4, pages);
        assertEquals(onePage, paged);
        // AND the default page is 200; a grid worker's total counts only their grid
        assertNull(get("/api/alerts", duty).getString("next"));
        JsonObject li = get("/api/alerts?limit=2", f.loginOk("li"));
        assertEquals(5, li.getInteger("total"));
        assertEquals(2, li.getInteger("count"));
        // AND limits outside 1..1000 and cursors the API never gave are refused
        for (String bad : List.of("limit=0", "limit=1001", "limit=abc", "cursor=bm9wZQ", "cursor=%25%25")) {
            assertEquals(400, f.get("/api/alerts?" + bad, duty).statusCode(), bad);
        }
    }

    @Test
    @DisplayName("an empty state or grid parameter (GET /api/alerts?state=&grid=) is no filter: every alert, as without it; a set one still filters")
    void emptyFilterIsNoFilter() throws Exception {
        // GIVEN two open alerts in grid g1 and one in g2
        f.raise("3-1-101", "e:1");
        f.raise("3-1-102", "e:2");
        f.raise("7-1-101", "e:3");

        // WHEN the list is asked for with empty parameters, as a form's 全部 sends them
        JsonObject empty = get("/api/alerts?state=&grid=", duty);

        // THEN it holds every alert, like the unfiltered list
        assertEquals(3, empty.getInteger("total"));
        assertEquals(ids(get("/api/alerts", duty).getJsonArray("alerts")), ids(empty.getJsonArray("alerts")));
        // AND a given state or grid still filters
        assertEquals(3, get("/api/alerts?state=open", duty).getInteger("total"));
        assertEquals(0, get("/api/alerts?state=CLOSED", duty).getInteger("total"));
        assertEquals(2, get("/api/alerts?state=&grid=g1", duty).getInteger("total"));
    }

    @Test
    @DisplayName("closed alerts beyond the in-memory window leave /api/alerts and the replay but stay on /api/alerts/closed (newest first, paged) and by id; a grid worker sees only their grid's, another grid's is 404 like an absent one")
    void closedAlertsFromTheStore() throws Exception {
        // GIVEN one open alert, and three alerts dismissed one after the other: two of grid g1, one of g2
        Alert open = f.raise("3-2-501", "open");
        Alert a = f.raise("3-1-101", "a");
        Alert b = f.raise("7-1-101", "b");
        Alert c = f.raise("3-1-102", "c");
        dismiss(a);
        dismiss(b);
        dismiss(c);

        // THEN /api/alerts holds the open alert and only the newest closed one (window of 1)
        assertEquals(new HashSet<>(List.of(open.id(), c.id())), new HashSet<>(ids(get("/api/alerts", duty)
                .getJsonArray("alerts"))));
        // AND /api/alerts/closed holds all three, newest closed first, 2 per page
        JsonObject first = get("/api/alerts/closed?limit=2", duty);
        assertEquals(List.of(c.id(), b.id()), ids(first.getJsonArray("alerts")));
        assertNotNull(first.getString("next"));
        JsonObject second = get("/api/alerts/closed?limit=2&before=" + first.getString("next"), duty);
        assertEquals(List.of(a.id()), ids(second.getJsonArray("alerts")));
        assertNull(second.getString("next"));
        assertEquals("DISMISSED", second.getJsonArray("alerts").getJsonObject(0).getString("state"));
        // AND an alert out of memory is still found by id
        assertEquals("DISMISSED", get("/api/alerts/" + a.id(), duty).getString("state"));
        assertEquals(400, f.get("/api/alerts/closed?before=nope", duty).statusCode());
        assertEquals(400, f.get("/api/alerts/closed?limit=501", duty).statusCode());

        // WHEN the grid worker of g1 reads them
        ConsoleFixture.Login li = f.loginOk("li");
        // THEN only g1's closed alerts, also when asking for g2's; g2's old alert is 404 exactly like an absent one
        assertEquals(List.of(c.id(), a.id()), ids(get("/api/alerts/closed", li).getJsonArray("alerts")));
        assertEquals(List.of(), ids(get("/api/alerts/closed?grid=g2", li).getJsonArray("alerts")));
        HttpResponse<String> hidden = f.get("/api/alerts/" + b.id(), li);
        HttpResponse<String> absent = f.get("/api/alerts/A999-nope", li);
        assertEquals(404, hidden.statusCode());
        assertEquals(absent.body().replace("A999-nope", b.id()), hidden.body());
    }

    @Test
    @DisplayName("the SSE stream replays the in-memory alerts, then one 'replayed' event with their count, then live versions")
    void streamReplayEndsWithReplayed() throws Exception {
        // GIVEN two open alerts and two dismissed ones, of which the window keeps one in memory
        f.raise("3-1-101", "x1");
        f.raise("3-1-102", "x2");
        dismiss(f.raise("3-1-103", "x3"));
        dismiss(f.raise("3-1-104", "x4"));

        // WHEN the operator opens the stream
        BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        f.http.sendAsync(HttpRequest.newBuilder(f.uri("/api/alerts/stream")).header("Cookie", duty.cookie()).build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
                    String[] event = {null};
                    r.body().forEach(line -> {
                        if (line.startsWith("event: ")) {
                            event[0] = line.substring(7);
                        } else if (line.startsWith("data: ")) {
                            events.add(new String[]{event[0], line.substring(6)});
                        }
                    });
                });

        // THEN three alerts come, then "replayed" with count 3
        List<String> replayed = new ArrayList<>();
        String[] e;
        while (!"replayed".equals((e = events.poll(20, TimeUnit.SECONDS))[0])) {
            assertEquals("alert", e[0]);
            replayed.add(new JsonObject(e[1]).getString("id"));
        }
        assertEquals(3, replayed.size(), replayed.toString());
        assertEquals(3, new JsonObject(e[1]).getInteger("count"));
        // AND a new alert comes live after it
        Alert live = f.raise("3-1-105", "x5");
        String[] next = events.poll(20, TimeUnit.SECONDS);
        assertTrue(next != null && "alert".equals(next[0]) && next[1].contains(live.id()), String.valueOf(next == null ? null : next[1]));
    }
}
