package org.linli.centre;

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

/** A logged-in user of the centre's HTTP API in the tests (JDK HTTP client, blocking; never on an event loop). */
final class CentreClient {
    record Answer(int status, JsonObject json) {
    }

    /** One SSE event as read: its name and data. */
    record Event(String name, JsonObject data) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String cookie;
    private String csrf;

    CentreClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    static CentreClient login(int port, String user) throws Exception {
        CentreClient c = new CentreClient(port);
        HttpResponse<String> r = c.http.send(HttpRequest.newBuilder(URI.create(c.base + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("user", user)
                        .put("password", TestSite.PASSWORD).encode())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login " + user + ": " + r.statusCode() + " " + r.body());
        }
        c.cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        c.csrf = new JsonObject(r.body()).getString("csrfToken");
        return c;
    }

    Answer get(String path) throws Exception {
        return answer(http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** A GET answered as bytes with its headers (the CSV download). */
    HttpResponse<byte[]> raw(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    Answer post(String path, JsonObject body) throws Exception {
        return answer(http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
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
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/stream"))
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
