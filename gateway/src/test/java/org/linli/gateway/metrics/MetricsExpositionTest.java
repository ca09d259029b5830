package org.linli.gateway.metrics;

import io.vertx.core.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.gateway.TestSites;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.pipeline.IncomingMessage;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.queue.QueueForwarder;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.timeseries.WriteOutcome;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text {@code GET /metrics} serves: label escaping, histogram buckets, HELP and TYPE for every family. */
class MetricsExpositionTest {
    private static final Instant T = Instant.parse("2026-11-22T03:00:00Z");
    private final GatewayMetrics metrics = new GatewayMetrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    private final SiteDirectory site = SiteDirectory.from(TestSites.small());

    private Pipeline pipeline(DeadLetters deadLetters) {
        return new Pipeline(site, (profile, id, payload, at) -> {
            throw new DecodeException(DecodeFailure.MALFORMED_JSON, "not a test payload");
        }, lines -> Future.succeededFuture(), List.of(), deadLetters);
    }

    @Test
    @DisplayName("label values with a quote, a backslash and a line break are escaped, and each channel and reason is its own series")
    void labelsEscaped() {
        // GIVEN a pipeline whose counters carry awkward channel names, and a failed message
        DeadLetters deadLetters = DeadLetters.inMemory(Clock.systemUTC());
        Pipeline p = pipeline(deadLetters);
        metrics.add(new PipelineMeters(metrics.registry(), p));
        Device gas = site.device("gas-3-2-501").orElseThrow();
        Decoded one = Decoded.of(List.of(new Reading(gas.id(), Quantity.GAS_LEL, 3, T)), List.of());
        // WHEN readings arrive on a bus named with a quote, a backslash and a new line, and twice on a plain one
        p.acceptDecoded("serial", "bus \"A\"\\2\nx", gas, one, T);
        p.acceptDecoded("serial", "bus-b", gas, one, T);
        p.acceptDecoded("serial", "bus-b", gas, one, T);
        p.accept(new IncomingMessage("mqtt", "t/gas-3-2-501", "{".getBytes(StandardCharsets.UTF_8), "gas-3-2-501", "test-gas", T));
        // AND the time-series server refused a batch (a queue drop, not a decode failure)
        deadLetters.record(QueueForwarder.DEAD_LETTER_SOURCE, "write", "x", "server_rejected_400", "bad");
        Exposition e = new Exposition(metrics.scrape());

        // THEN the awkward name is escaped as the text format requires: \" \\ \n
        assertEquals(1, e.value("linli_messages_received_total{channel=\"bus \\\"A\\\"\\\\2\\nx\",source=\"serial\"}"));
        assertEquals(2, e.value("linli_messages_received_total{channel=\"bus-b\",source=\"serial\"}"));
        assertEquals(1, e.value("linli_messages_received_total{channel=\"test-gas\",source=\"mqtt\"}"));
        assertEquals(3, e.value("linli_decoded_messages_total"));
        assertEquals(3, e.value("linli_decoded_readings_total"));
        // AND decode failures are device input only
        assertEquals(1, e.value("linli_decode_failures_total{reason=\"malformed_json\",source=\"mqtt\"}"));
        assertFalse(e.text.contains("server_rejected_400"), e.text);
        // AND letters the disk could not take in time are exposed (none here: the letters have no directory)
        assertEquals(0, e.value("linli_dead_letters_unwritten_total"));
    }

    @Test
    @DisplayName("the write-latency histogram has cumulative buckets ending in +Inf equal to the count, and writes are counted by outcome")
    void writeHistogram() {
        // GIVEN a writer whose writes take 3 ms, 30 ms, 30 ms, 700 ms and 45 s, answering in turn
        Iterator<Long> took = List.of(3L, 30L, 30L, 700L, 45_000L).iterator();
        Iterator<WriteOutcome> answers = List.<WriteOutcome>of(new WriteOutcome.Accepted(), new WriteOutcome.Accepted(),
                new WriteOutcome.Rejected(400, "bad"), new WriteOutcome.RetryLater(503, "down", null),
                new WriteOutcome.RetryLater(0, "timeout", null)).iterator();
        long[] clock = {0};
        MeasuredBatchWriter writer = new MeasuredBatchWriter(lines -> {
            clock[0] += Duration.ofMillis(took.next()).toNanos();
            return answers.next();
        }, metrics.registry(), () -> clock[0]);
        // WHEN five batches of 10 points are written
        for (int i = 0; i < 5; i++) {
            writer.write(List.of("m f=1i 1", "m f=2i 2", "m f=3i 3", "m f=4i 4", "m f=5i 5", "m f=6i 6", "m f=7i 7",
                    "m f=8i 8", "m f=9i 9", "m f=10i 10"));
        }
        Exposition e = new Exposition(metrics.scrape());

        // THEN each bucket counts the writes at or below its bound, never fewer than the bucket before
        List<String> bounds = new ArrayList<>();
        double previous = 0;
        for (String series : e.samples.keySet()) {
            if (series.startsWith("linli_influx_write_seconds_bucket{")) {
                double n = e.samples.get(series);
                assertTrue(n >= previous, series + " is cumulative");
                previous = n;
                int from = series.indexOf("le=\"") + 4;
                bounds.add(series.substring(from, series.indexOf('"', from)));
            }
        }
        assertEquals(MeasuredBatchWriter.BUCKETS.length + 1, bounds.size(), bounds.toString());
        assertEquals("+Inf", bounds.get(bounds.size() - 1));
        assertEquals(1, e.value("linli_influx_write_seconds_bucket{target=\"influx\",le=\"0.005\"}"));
        assertEquals(1, e.value("linli_influx_write_seconds_bucket{target=\"influx\",le=\"0.025\"}"));
        assertEquals(3, e.value("linli_influx_write_seconds_bucket{target=\"influx\",le=\"0.05\"}"));
        assertEquals(4, e.value("linli_influx_write_seconds_bucket{target=\"influx\",le=\"1.0\"}"));
        assertEquals(4, e.value("linli_influx_write_seconds_bucket{target=\"influx\",le=\"30.0\"}"));
        assertEquals(5, e.value("linli_influx_write_seconds_bucket{target=\"influx\",le=\"+Inf\"}"));
        assertEquals(5, e.value("linli_influx_write_seconds_count{target=\"influx\"}"));
        assertEquals(45.763, e.value("linli_influx_write_seconds_sum{target=\"influx\"}"), 1e-9);
        // AND requests and their points by outcome
        assertEquals(2, e.value("linli_influx_writes_total{outcome=\"accepted\",target=\"influx\"}"));
        assertEquals(1, e.value("linli_influx_writes_total{outcome=\"rejected\",target=\"influx\"}"));
        assertEquals(2, e.value("linli_influx_writes_total{outcome=\"retry\",target=\"influx\"}"));
        assertEquals(0, e.value("linli_influx_writes_total{outcome=\"too_large\",target=\"influx\"}"));
        assertEquals(20, e.value("linli_influx_write_points_total{outcome=\"accepted\",target=\"influx\"}"));
    }

    @Test
    @DisplayName("a scrape of named families holds those families only, a counter named as it is exposed (with _total)")
    void scrapeOfNamedFamilies() {
        // GIVEN a measured writer that wrote one batch of 3 points
        new MeasuredBatchWriter(lines -> new WriteOutcome.Accepted(), metrics.registry())
                .write(List.of("m f=1i 1", "m f=2i 2", "m f=3i 3"));
        // WHEN only its points counter is asked for, by the name the whole scrape shows
        String one = metrics.scrape(Set.of("linli_influx_write_points_total"));
        // THEN that family is there, with its value, and nothing else is
        assertEquals(3, new Exposition(one)
                .value("linli_influx_write_points_total{outcome=\"accepted\",target=\"influx\"}"));
        assertTrue(one.lines().filter(l -> !l.startsWith("#"))
                .allMatch(l -> l.startsWith("linli_influx_write_points_total{")), one);
        // AND no names asked for is the whole scrape
        assertTrue(metrics.scrape(Set.of()).contains("linli_influx_write_seconds_count"));
    }

    @Test
    @DisplayName("every linli_ family is announced by a HELP line with a description and a TYPE line before its samples")
    void helpAndType() {
        // GIVEN the pipeline meters and a write, so that counters, gauges and a histogram exist
        metrics.add(new PipelineMeters(metrics.registry(), pipeline(DeadLetters.inMemory(Clock.systemUTC()))));
        new MeasuredBatchWriter(lines -> new WriteOutcome.Accepted(), metrics.registry()).write(List.of("m f=1i 1"));
        // WHEN scraped
        String text = metrics.scrape();
        // THEN each sample's family was declared above it, with a non-empty description
        Set<String> typed = new LinkedHashSet<>();
        Set<String> described = new LinkedHashSet<>();
        int samples = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                typed.add(line.split(" ")[2]);
            } else if (line.startsWith("# HELP ")) {
                String[] parts = line.split(" ", 4);
                if (parts.length == 4 && !parts[3].isBlank()) {
                    described.add(parts[2]);
                }
            } else if (line.startsWith("linli_")) {
                samples++;
                String name = line.split("[{ ]")[0];
                String family = name.replaceAll("_(bucket|count|sum)$", "");
                assertTrue(typed.contains(name) || typed.contains(family), "no TYPE before " + line);
                assertTrue(described.contains(name) || described.contains(family), "no HELP text before " + line);
            }
        }
        assertTrue(samples >= 10, text);
        assertTrue(typed.contains("linli_influx_write_seconds") && text.contains("# TYPE linli_influx_write_seconds histogram"), text);
        assertTrue(text.contains("# TYPE linli_decoded_messages_total counter"), text);
    }
}
