package org.linli.gateway.timeseries;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.domain.WritePrecision;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writer sends the queue's UTF-8 bytes itself, through the client's HTTP stack: its request must be the one
 * influxdb-client-java's own write API sends for the same lines (seen by a real HTTP server on loopback), and the
 * server's answers must become the same outcomes.
 */
class InfluxLineWriterRequestTest {
    private static final List<String> LINES = List.of(
            "water_meter,building=3,community=幸福里,household=501 total_m3=12.5 1764979200000",
            "",                                               // an empty line: left out, as the client's API does
            "gas_alarm,building=3 gas_lel=4i 1764979201000");

    /** What the server saw of one request. */
    private record Seen(String method, String uri, String contentType, String authorization, String accept, String body) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 204;
    private volatile String retryAfter;
    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Accept"), new String(body, StandardCharsets.UTF_8)));
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            if (status == 204) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                byte[] error = "{\"code\":\"invalid\",\"message\":\"unable to parse points\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, error.length);
                exchange.getResponseBody().write(error);
            }
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private InfluxLineWriter writer() {
        return new InfluxLineWriter(url, "linli", "compound", "secret-token".toCharArray(), Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("the bytes are posted as the client's write API posts the same lines: path, query, headers, body")
    void sameRequestAsTheClientsWriteApi() {
        try (InfluxDBClient client = InfluxDBClientFactory.create(url, "secret-token".toCharArray(), "linli", "compound")) {
            client.getWriteApiBlocking().writeRecords("compound", "linli", WritePrecision.MS, LINES);
        }
        try (InfluxLineWriter w = writer()) {
            assertInstanceOf(WriteOutcome.Accepted.class,
                    w.writeUtf8(LINES.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toList()));
            assertInstanceOf(WriteOutcome.Accepted.class, w.write(LINES));
        }
        assertEquals(3, seen.size(), "one request each");
        Seen api = seen.get(0);
        assertEquals("POST", api.method());
        assertEquals(LINES.get(0) + "\n" + LINES.get(2), api.body(), "the client's own request, as the test expects it");
        assertEquals(api, seen.get(1), "bytes: the same request as the client's write API");
        assertEquals(api, seen.get(2), "strings: the same request too");
        assertTrue(api.uri().contains("precision=ms") && api.uri().contains("org=linli") && api.uri().contains("bucket=compound"),
                api.uri());
        assertEquals("Token secret-token", api.authorization());
    }

    @Test
    @DisplayName("nothing but empty lines: no request, accepted")
    void emptyBatchSendsNothing() {
        try (InfluxLineWriter w = writer()) {
            assertInstanceOf(WriteOutcome.Accepted.class, w.writeUtf8(List.of(new byte[0])));
        }
        assertEquals(List.of(), seen);
    }

    @Test
    @DisplayName("the server's answers: 400 rejected with its message, 413 too large, 429 retried after its Retry-After, no server: retried")
    void answersBecomeOutcomes() {
        List<byte[]> batch = List.of(LINES.get(0).getBytes(StandardCharsets.UTF_8));
        try (InfluxLineWriter w = writer()) {
            status = 400;
            WriteOutcome rejected = w.writeUtf8(batch);
            assertInstanceOf(WriteOutcome.Rejected.class, rejected);
            assertTrue(((WriteOutcome.Rejected) rejected).reason().contains("unable to parse points"), rejected.toString());
            status = 413;
            assertInstanceOf(WriteOutcome.TooLarge.class, w.writeUtf8(batch));
            status = 429;
            retryAfter = "7";
            WriteOutcome later = w.writeUtf8(batch);
            assertEquals(new WriteOutcome.RetryLater(429, ((WriteOutcome.RetryLater) later).reason(), Duration.ofSeconds(7)), later);
        }
        server.stop(0);
        try (InfluxLineWriter w = writer()) {
            WriteOutcome noServer = w.writeUtf8(batch);
            assertInstanceOf(WriteOutcome.RetryLater.class, noServer);
            assertEquals(0, ((WriteOutcome.RetryLater) noServer).status(), noServer.toString());
        }
    }
}
