package org.linli.sim.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A careless receiver for the secrets test: answers every request with 200 and a non-JSON page that echoes the
 * request's path and query, as misconfigured proxies and error pages do. Records what it was asked.
 */
final class EchoingReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();

    private EchoingReceiver(HttpServer server) {
        this.server = server;
    }

    static EchoingReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        EchoingReceiver receiver = new EchoingReceiver(server);
        server.createContext("/", exchange -> {
            String asked = exchange.getRequestURI().toString();
            receiver.paths.add(asked);
            exchange.getRequestBody().readAllBytes();
            byte[] page = ("<html>bad gateway while asking for " + asked + "</html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request's path and query, in arrival order. */
    List<String> paths() {
        return paths;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
