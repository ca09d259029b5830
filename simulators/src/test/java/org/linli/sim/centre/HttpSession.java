package org.linli.sim.centre;

import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A logged-in user of a gateway's or a centre's HTTP API (both log in the same way: {@code POST /api/login}, a
 * session cookie, the CSRF token in {@code X-CSRF-Token} on every POST). JDK HTTP client, blocking: test threads
 * only.
 */
final class HttpSession {
    static final String PASSWORD = "demo-password";
    /** {@link #PASSWORD} hashed as {@code ./linli hash-password} does (the gateway's and the centre's format). */
    static final String HASH = "pbkdf2-sha256$210000$V+O7XqxIrtS6saRDgMpZhw$"
            + "ysuuZvyaLgvsKe6sGqd7DlUCydlPaL77xeI+0pqGQE0";

    record Answer(int status, JsonObject json) {
    }

    /** One SSE event: its name and data. */
    record Event(String name, JsonObject data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String cookie;
    private final String csrf;

    private HttpSession(String base, String cookie, String csrf) {
        this.base = base;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    static HttpSession login(int port, String user) throws Exception {
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("user", user)
                        .put("password", PASSWORD).encode())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login " + user + " on " + port + ": " + r.statusCode() + " " + r.body());
        }
        return new HttpSession(base, r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0],
                new JsonObject(r.body()).getString("csrfToken"));
    }

    /** {@code GET path} without a session (health). */
    static int status(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** {@code GET path} without a session as text ({@code /metrics}). */
    static String text(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    Answer get(String path) throws Exception {
        return answer(HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** {@code GET path}, expecting 200. */
    JsonObject json(String path) throws Exception {
        Answer a = get(path);
        if (a.status() != 200) {
            throw new AssertionError("GET " + base + path + ": " + a.status() + " " + a.json().encode());
        }
        return a.json();
    }

    Answer post(String path, JsonObject body) throws Exception {
        return answer(HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(HttpResponse<String> r) {
        String b = r.body();
        boolean json = b != null && b.startsWith("{");
        return new Answer(r.statusCode(), json ? new JsonObject(b) : new JsonObject());
    }

    /** Opens {@code /api/stream} and collects its events on a daemon thread into the returned list. */
    List<Event> stream() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/stream"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String name = null;
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("data: ") && name != null) {
                        events.add(new Event(name, new JsonObject(line.substring(6))));
                        name = null;
                    }
                }
            } catch (Exception e) {
                // the stream ended
            }
        }, "test-sse");
        t.setDaemon(true);
        t.start();
        return events;
    }
}
