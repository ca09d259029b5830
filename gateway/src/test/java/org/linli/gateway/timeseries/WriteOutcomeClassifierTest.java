package org.linli.gateway.timeseries;

import com.influxdb.exceptions.InfluxException;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteOutcomeClassifierTest {

    private static InfluxException http(int status, String... headers) {
        okhttp3.Headers.Builder h = new okhttp3.Headers.Builder();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.add(headers[i], headers[i + 1]);
        }
        okhttp3.Response raw = new okhttp3.Response.Builder()
                .request(new okhttp3.Request.Builder().url("http://127.0.0.1/api/v2/write").build())
                .protocol(okhttp3.Protocol.HTTP_1_1).code(status).message("x").headers(h.build())
                .body(ResponseBody.create("{\"message\":\"m\"}", MediaType.get("application/json"))).build();
        return new InfluxException(Response.error(ResponseBody.create("{\"message\":\"m\"}",
                MediaType.get("application/json")), raw));
    }

    @Test
    @DisplayName("each HTTP status family maps onto the write policy of FIELD-NOTES §2")
    void statusFamilies() {
        assertInstanceOf(WriteOutcome.TooLarge.class, WriteOutcomeClassifier.classify(http(413)));
        assertInstanceOf(WriteOutcome.Rejected.class, WriteOutcomeClassifier.classify(http(400)));
        assertInstanceOf(WriteOutcome.Rejected.class, WriteOutcomeClassifier.classify(http(422)));
        assertInstanceOf(WriteOutcome.RetryLater.class, WriteOutcomeClassifier.classify(http(401)));
        assertInstanceOf(WriteOutcome.RetryLater.class, WriteOutcomeClassifier.classify(http(403)));
        assertInstanceOf(WriteOutcome.RetryLater.class, WriteOutcomeClassifier.classify(http(503)));
        assertInstanceOf(WriteOutcome.RetryLater.class, WriteOutcomeClassifier.classify(http(500)));
        assertInstanceOf(WriteOutcome.RetryLater.class,
                WriteOutcomeClassifier.classify(new InfluxException(new ConnectException("refused"))));
    }

    @Test
    @DisplayName("a 429's Retry-After in seconds is carried in the outcome")
    void retryAfterSeconds() {
        WriteOutcome.RetryLater r = (WriteOutcome.RetryLater) WriteOutcomeClassifier.classify(http(429, "Retry-After", "7"));
        assertEquals(429, r.status());
        assertEquals(Duration.ofSeconds(7), r.serverDelay());
        assertNull(((WriteOutcome.RetryLater) WriteOutcomeClassifier.classify(http(503))).serverDelay());
        assertEquals(java.util.Optional.empty(), WriteOutcomeClassifier.retryAfter(Map.of("Retry-After", "soon")));
    }

    @Test
    @DisplayName("back-off grows within its jitter bounds, is capped, takes a longer Retry-After (capped at 10 min) and resets")
    void backoff() {
        // GIVEN the forwarder's standard back-off (0.5 s doubling to 60 s, each delay scaled by a random [0.5, 1])
        RetryBackoff b = RetryBackoff.standard();
        // WHEN writes fail THEN each delay lies between half and all of the schedule
        assertBetween(Duration.ofMillis(250), Duration.ofMillis(500), b.next(null));
        assertBetween(Duration.ofMillis(500), Duration.ofMillis(1000), b.next(null));
        // AND a longer Retry-After wins over the third delay (at most 2 s)
        assertEquals(Duration.ofSeconds(30), b.next(Duration.ofSeconds(30)));
        for (int i = 0; i < 30; i++) {
            b.next(null);
        }
        assertBetween(Duration.ofSeconds(30), Duration.ofSeconds(60), b.next(null));
        assertEquals(Duration.ofMinutes(10), b.next(Duration.ofHours(5)), "a Retry-After is obeyed up to 10 minutes");
        // AND after a success the schedule starts again
        b.reset();
        assertBetween(Duration.ofMillis(250), Duration.ofMillis(500), b.next(null));
    }

    private static void assertBetween(Duration low, Duration high, Duration actual) {
        assertTrue(actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0,
                actual + " not in [" + low + ", " + high + "]");
    }
}
