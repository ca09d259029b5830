package org.linli.centre;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A chat robot endpoint for the tests: a real HTTP server that records each POSTed JSON body and answers errcode 0. */
final class FakeRobot implements AutoCloseable {
    record Post(String path, JsonObject body) {
    }

    final List<Post> posts = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeRobot() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            posts.add(new Post(ex.getRequestURI().toString(), new JsonObject(body)));
            byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, answer.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
