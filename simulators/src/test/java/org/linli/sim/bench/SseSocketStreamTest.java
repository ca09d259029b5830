package org.linli.sim.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's socket reader of an SSE stream ({@link SseSocketStream}) against a real Vert.x HTTP server: lines
 * whose bytes are split across chunks, a character split across chunks, and an answer that is not 200.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SseSocketStreamTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private int serve(io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest> handler) {
        HttpServer server = vertx.createHttpServer().requestHandler(handler);
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
    }

    @Test
    @DisplayName("the lines of a chunked event stream arrive whole and in order, wherever the chunks split them")
    void linesAcrossChunks() throws Exception {
        // GIVEN a server that sends two events in chunks that split a line, a CRLF and the bytes of 燃
        byte[] gas = "燃".getBytes(StandardCharsets.UTF_8);
        int port = serve(req -> {
            var r = req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            r.write("event: replayed\ndata: {\"count\":0}\n\nevent: al");
            r.write("ert\r\ndata: {\"type\":\"");
            r.write(Buffer.buffer().appendBytes(gas, 0, 1));
            r.write(Buffer.buffer().appendBytes(gas, 1, 2).appendString("气\"}\n\n"));
        });
        List<String> lines = new CopyOnWriteArrayList<>();

        // WHEN the stream is read
        try (SseSocketStream stream = new SseSocketStream(URI.create("http://127.0.0.1:" + port + "/api/alerts/stream"))) {
            stream.readOn("test-sse", (line, now) -> lines.add(line));
            await().atMost(10, TimeUnit.SECONDS).until(() -> lines.size() >= 6);
        }

        // THEN each line came whole, without its line end
        assertEquals(List.of("event: replayed", "data: {\"count\":0}", "", "event: alert", "data: {\"type\":\"燃气\"}", ""),
                lines);
    }

    @Test
    @DisplayName("an answer other than 200 fails the open with its status line")
    void notOk() {
        // GIVEN a server that refuses the stream
        int port = serve(req -> req.response().setStatusCode(401).end("log in"));

        // WHEN the stream is opened THEN it fails, naming the answer
        IOException e = assertThrows(IOException.class,
                () -> new SseSocketStream(URI.create("http://127.0.0.1:" + port + "/api/alerts/stream")));
        assertTrue(e.getMessage().contains("401"), e.getMessage());
    }
}
