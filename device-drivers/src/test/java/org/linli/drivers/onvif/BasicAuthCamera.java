package org.linli.drivers.onvif;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback camera (on an HttpServer or HttpsServer the test made) that asks for HTTP Basic, and records every
 * Authorization header it receives, so a test can say whether the password ever left the client. SOAP calls get
 * the golden GetDeviceInformation answer, {@link #SNAPSHOT} a tiny JPEG, once authenticated.
 */
final class BasicAuthCamera implements AutoCloseable {
    static final String SNAPSHOT = "/snapshot.jpg";
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};

    /** How the camera challenges. */
    enum Challenge {
        /** Only Basic. */
        BASIC,
        /** Digest first; a request that then comes with Digest gets a Basic-only challenge (a downgrade attempt). */
        DIGEST_THEN_BASIC
    }

    private final HttpServer server;
    private final String scheme;
    private final String expected;
    private final Challenge challenge;
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    BasicAuthCamera(HttpServer server, String scheme, Challenge challenge, OnvifCredentials accepted) {
        this.server = server;
        this.scheme = scheme;
        this.challenge = challenge;
        this.expected = "Basic " + Base64.getEncoder().encodeToString(
                (accepted.username() + ":" + accepted.password()).getBytes(StandardCharsets.UTF_8));
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            if (expected.equals(auth)) {
                boolean snapshot = ex.getRequestURI().getPath().equals(SNAPSHOT);
                send(ex, 200, snapshot ? JPEG : GoldenCameraServer.read("GetDeviceInformationResponse.xml"));
                return;
            }
            boolean digestFirst = challenge == Challenge.DIGEST_THEN_BASIC
                    && (auth == null || !auth.regionMatches(true, 0, "Digest", 0, 6));
            ex.getResponseHeaders().add("WWW-Authenticate", digestFirst
                    ? "Digest realm=\"cam\", qop=\"auth\", nonce=\"0123456789abcdef\", algorithm=MD5"
                    : "Basic realm=\"cam\"");
            send(ex, 401, "<html>401</html>".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    URI uri(String path) {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Authorization headers received that carry the password itself (Basic). */
    List<String> basicHeaders() {
        return authorizations.stream().filter(a -> a.regionMatches(true, 0, "Basic", 0, 5)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
