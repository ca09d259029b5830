package org.linli.drivers.onvif;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server answering SOAP calls with golden files: the operation named in the action parameter
 * gets golden/onvif/<Op>Response.xml unless a test set another answer. "http://192.168.1.64" in goldens is
 * rewritten to this server so that addresses found in answers can be called.
 */
final class GoldenCameraServer implements AutoCloseable {
    record Answer(int status, byte[] body, long delayMs) {
    }

    private final HttpServer server;
    private final Map<String, Answer> overrides = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();

    GoldenCameraServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", ex -> {
            try (ex) {
                requests.incrementAndGet();
                ex.getRequestBody().readAllBytes();
                String ct = ex.getRequestHeaders().getFirst("Content-Type");
                String action = ct == null ? "" : ct.replaceAll(".*action=\"([^\"]*)\".*", "$1");
                String op = action.substring(action.lastIndexOf('/') + 1).replaceAll("Request$", "");
                Answer a = overrides.getOrDefault(op, overrides.get(ex.getRequestURI().getPath()));
                if (a == null) {
                    a = new Answer(200, golden(op + "Response.xml"), 0);
                }
                if (a.delayMs() > 0) {
                    Thread.sleep(a.delayMs());
                }
                ex.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=utf-8");
                ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(a.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // client went away (timeout tests)
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI uri(String path) {
        return URI.create(base() + path);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answer operation op (or a request path starting with "/") with this status and body. */
    void answer(String opOrPath, int status, byte[] body) {
        overrides.put(opOrPath, new Answer(status, body, 0));
    }

    void answerLate(String op, long delayMs) {
        overrides.put(op, new Answer(200, golden(op + "Response.xml"), delayMs));
    }

    byte[] golden(String name) {
        return new String(read(name), StandardCharsets.UTF_8).replace("http://192.168.1.64", base())
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] read(String name) {
        try (InputStream in = GoldenCameraServer.class.getResourceAsStream("/golden/onvif/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
