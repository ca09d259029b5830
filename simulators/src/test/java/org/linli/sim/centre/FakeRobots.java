package org.linli.sim.centre;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WeCom group robots for the tests: one real HTTP server ({@code POST /cgi-bin/webhook/send?key=K}, answering
 * {@code errcode 0}) standing for every robot, told apart by their key: each gateway's grid robot and the street
 * duty office's robot. Every body is checked against the documented WeCom shape ({@code msgtype: markdown} with
 * {@code markdown.content} of at most 4096 bytes; a gateway's may also be {@code text}); a body that is not is
 * counted in {@link #malformed}. For the street's messages the alert ({@code 告警编号：compound/id}) and the level ({@code 第 N 级}) are read from the text
 * and counted per alert + level. Handlers run on the JDK server's thread.
 */
final class FakeRobots implements AutoCloseable {
    static final String STREET_KEY = "street-s1";
    private static final Pattern ALERT = Pattern.compile("告警编号：(\\S+)");
    private static final Pattern LEVEL = Pattern.compile("第 (\\d+) 级");

    final Map<String, List<String>> contentsByKey = new ConcurrentHashMap<>();
    /** Street messages per "compound/id@level". */
    final Map<String, AtomicInteger> streetByAlertLevel = new ConcurrentHashMap<>();
    final AtomicInteger malformed = new AtomicInteger();
    private final HttpServer server;

    FakeRobots() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cgi-bin/webhook/send", ex -> {
            String query = ex.getRequestURI().getQuery();
            String key = query != null && query.startsWith("key=") ? query.substring(4) : "?";
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            record(key, body);
            byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, answer.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    private void record(String key, String body) {
        String content;
        try {
            JsonObject json = new JsonObject(body);
            // the street's robot gets markdown (the centre's RobotMessage); a gateway's life-safety messages are
            // WeCom text with mentioned mobiles (docs/NOTIFY.md)
            String type = json.getString("msgtype");
            boolean allowed = "markdown".equals(type) || ("text".equals(type) && !STREET_KEY.equals(key));
            content = allowed && json.getValue(type) instanceof JsonObject m ? m.getString("content") : null;
        } catch (RuntimeException e) {
            content = null;
        }
        if (content == null || content.getBytes(StandardCharsets.UTF_8).length > 4096) {
            malformed.incrementAndGet();
            return;
        }
        contentsByKey.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(content);
        if (STREET_KEY.equals(key)) {
            Matcher a = ALERT.matcher(content);
            Matcher l = LEVEL.matcher(content);
            String id = (a.find() ? a.group(1) : "?") + "@" + (l.find() ? l.group(1) : "?");
            streetByAlertLevel.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** The messages sent to the robot with {@code key}, in arrival order. */
    List<String> messages(String key) {
        return contentsByKey.getOrDefault(key, List.of());
    }

    /** {@code http://127.0.0.1:port}: a gateway channel's {@code baseUrl}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The full webhook URL of the robot with {@code key} (the centre's {@code dutyRobot.url}). */
    String url(String key) {
        return baseUrl() + "/cgi-bin/webhook/send?key=" + key;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
