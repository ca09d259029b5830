package org.linli.drivers.onvif;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback "camera" whose every answer declares a Content-Length of {@link #DECLARED} (10 GiB), or is chunked
 * without end, and then streams bytes as fast as the client takes them, counting what it managed to write until
 * the client hangs up.
 */
final class OversizedAnswerServer implements AutoCloseable {
    static final long DECLARED = 10L * 1024 * 1024 * 1024;

    private final HttpServer server;
    final AtomicLong written = new AtomicLong();
    final CountDownLatch hungUp = new CountDownLatch(1);

    OversizedAnswerServer(boolean chunked) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", ex -> {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            try (ex) {
                ex.getRequestBody().readAllBytes();
                ex.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=utf-8");
                ex.sendResponseHeaders(200, chunked ? 0 : DECLARED); // 0: chunked, no length declared
                OutputStream out = ex.getResponseBody();
                while (written.get() < DECLARED) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                hungUp.countDown(); // the client closed the connection
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
