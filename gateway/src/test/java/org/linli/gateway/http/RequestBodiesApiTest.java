package org.linli.gateway.http;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request bodies over real HTTP (docs/API.md "Request bodies"): JSON in memory up to a bound, never a file. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RequestBodiesApiTest {
    private static final String BOUNDARY = "----linli-test-boundary";
    private static ConsoleFixture f;
    private static RawHttp raw;

    @BeforeAll
    static void start() throws Exception {
        f = new ConsoleFixture(ConsoleFixture.USERS);
        raw = new RawHttp(f.port);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    @DisplayName("200 multipart logins with file parts, and multipart posts to other routes, leave no file anywhere")
    void multipartLeavesNoFiles() throws Exception {
        // GIVEN what is on disk where Vert.x would put uploads: ./file-uploads and Netty's temp files
        Path uploads = Path.of(System.getProperty("user.dir"), "file-uploads");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        boolean uploadsExisted = Files.isDirectory(uploads);
        Set<Path> uploadsBefore = list(uploads);
        Set<Path> tmpBefore = nettyTempFiles(tmp);
        ConsoleFixture.Login duty = f.loginOk("duty");
        String session = "Cookie: " + duty.cookie() + "\r\nX-CSRF-Token: " + duty.csrf() + "\r\n";
        // WHEN 200 logins arrive as multipart with three file parts each, no login needed
        for (int i = 0; i < 200; i++) {
            RawHttp.Answer a = multipart("POST", "/api/login", "", i);
            assertTrue(a.status() >= 400 && a.status() < 500, "multipart login " + i + " answered " + a.status());
        }
        // AND multipart bodies go to the other routes that take or ignore a body, with a valid session
        for (String path : List.of("/api/alerts/A1-x/accept", "/api/logout", "/api/alerts", "/health", "/")) {
            multipart("POST", path, session, 0);
        }
        multipart("PUT", "/api/households/3-2-502/away", session, 0);
        // THEN no upload directory appeared and no file was added to it or to the temp directory
        assertEquals(uploadsExisted, Files.isDirectory(uploads), "the uploads directory " + uploads + " was created");
        assertEquals(uploadsBefore, list(uploads), "files were left in " + uploads);
        assertEquals(tmpBefore, nettyTempFiles(tmp), "upload temp files were left in " + tmp);
        // AND a multipart login is refused as such, and the gateway still answers
        RawHttp.Answer refused = multipart("POST", "/api/login", "", 0);
        assertEquals(415, refused.status(), refused.body());
        assertTrue(new JsonObject(refused.body()).getString("error").contains("multipart"), refused.body());
        assertEquals(200, f.get("/health", null).statusCode());
    }

    @Test
    @DisplayName("a body declared larger than the bound is refused with 413 before it is sent, and the connection is closed")
    void declaredOversizedBody() throws Exception {
        // WHEN a login declares a gigabyte and sends only its first kilobyte
        for (String path : List.of("/api/login", "/api/logout", "/api/alerts/A1-x/accept", "/health")) {
            try (Socket s = raw.connect("127.0.0.1")) {
                OutputStream out = s.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000000000\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(new byte[1024]);
                out.flush();
                // THEN the answer is 413 at once, and the server hangs up rather than wait for the rest
                RawHttp.Answer a = RawHttp.read(s.getInputStream());
                assertEquals(413, a.status(), path + ": " + a.body());
                assertEquals("the request body is too large", new JsonObject(a.body()).getString("error"));
                assertTrue(a.closedByServer(), path + ": the server kept the connection open for the rest of the body");
            }
        }
        // AND a login just over its own bound (4 KiB) is 413 too
        RawHttp.Answer login = raw.postJson("127.0.0.1", "/api/login", "{\"user\":\"" + "x".repeat(5000) + "\"}", "");
        assertEquals(413, login.status(), login.body());
    }

    @Test
    @DisplayName("a chunked body that grows past the bound is cut off with 413 and the connection closed")
    void chunkedOversizedBody() throws Exception {
        // GIVEN a logged-in operator
        ConsoleFixture.Login duty = f.loginOk("duty");
        // WHEN an away flag is sent chunked, 8 KiB at a time, 200 KiB in all
        try (Socket s = raw.connect("127.0.0.1")) {
            OutputStream out = s.getOutputStream();
            out.write(("PUT /api/households/3-2-502/away HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Cookie: " + duty.cookie() + "\r\nX-CSRF-Token: " + duty.csrf() + "\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            try {
                for (int i = 0; i < 25; i++) {
                    out.write(("2000\r\n" + " ".repeat(8192) + "\r\n").getBytes(StandardCharsets.UTF_8));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // the server already answered and hung up
            }
            // THEN it is refused with 413 and the server hangs up
            RawHttp.Answer a = RawHttp.read(s.getInputStream());
            assertEquals(413, a.status(), a.body());
            assertTrue(a.closedByServer(), "the server kept the connection open after refusing the body");
        }
        // AND a normal request still works
        assertEquals(200, f.put("/api/households/3-2-502/away", duty, duty.csrf(),
                new JsonObject().putNull("until")).statusCode());
    }

    private static RawHttp.Answer multipart(String method, String path, String extraHeaders, int i) throws IOException {
        StringBuilder body = new StringBuilder();
        body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"user\"\r\n\r\nduty\r\n");
        for (int part = 0; part < 3; part++) {
            body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"f").append(part)
                    .append("\"; filename=\"evil").append(i).append('-').append(part)
                    .append(".bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .append("A".repeat(300)).append("\r\n");
        }
        body.append("--").append(BOUNDARY).append("--\r\n");
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        return raw.send("127.0.0.1", method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + extraHeaders + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: "
                + bytes.length, bytes);
    }

    private static Set<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.collect(Collectors.toSet());
        }
    }

    /** Netty's disk-backed form data (DiskFileUpload "FUp_", DiskAttribute "Attr_"). */
    private static Set<Path> nettyTempFiles(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("FUp_")
                    || p.getFileName().toString().startsWith("Attr_")).collect(Collectors.toSet());
        }
    }
}
