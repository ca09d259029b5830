package org.linli.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.timeseries.BatchWriter;
import org.linli.gateway.timeseries.WriteOutcome;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Times every write request to the time-series server and counts requests and their points by outcome: accepted,
 * rejected (dead-lettered), too_large (split and sent again) and retry (kept in the queue, sent again after a
 * back-off). Wraps the writer the queue forwarder calls on its worker thread; Micrometer's meters are thread-safe.
 */
public final class MeasuredBatchWriter implements BatchWriter {
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final String TOO_LARGE = "too_large";
    public static final String RETRY = "retry";
    /** Upper bounds of the latency buckets: a local server answers in milliseconds, a dead one after the 30 s timeout. */
    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30)};

    private final BatchWriter writer;
    private final LongSupplier nanoTime;
    private final Timer latency;
    private final Map<String, Counter> requests = new LinkedHashMap<>();
    private final Map<String, Counter> points = new LinkedHashMap<>();

    /** The writer of the single-target form's target ({@code target="influx"}). */
    public MeasuredBatchWriter(BatchWriter writer, MeterRegistry registry) {
        this(writer, registry, InfluxOptions.SINGLE_TARGET);
    }

    /** The writer of {@code target}: its meters carry the label {@code target} (docs/QUEUE.md, several targets). */
    public MeasuredBatchWriter(BatchWriter writer, MeterRegistry registry, String target) {
        this(writer, registry, System::nanoTime, target);
    }

    /** With the time source given (tests decide how long each write "took"). */
    MeasuredBatchWriter(BatchWriter writer, MeterRegistry registry, LongSupplier nanoTime) {
        this(writer, registry, nanoTime, InfluxOptions.SINGLE_TARGET);
    }

    private MeasuredBatchWriter(BatchWriter writer, MeterRegistry registry, LongSupplier nanoTime, String target) {
        this.writer = writer;
        this.nanoTime = nanoTime;
        this.latency = Timer.builder("linli.influx.write").tag("target", target)
                .description("Duration of one write request to the time-series server, whatever its outcome")
                .serviceLevelObjectives(BUCKETS).register(registry);
        for (String outcome : List.of(ACCEPTED, REJECTED, TOO_LARGE, RETRY)) {
            requests.put(outcome, Counter.builder("linli.influx.writes").tag("outcome", outcome).tag("target", target)
                    .description("Write requests to the time-series server, by outcome").register(registry));
            points.put(outcome, Counter.builder("linli.influx.write.points").tag("outcome", outcome).tag("target", target)
                    .description("Points in write requests, by outcome (accepted = points written)").register(registry));
        }
    }

    @Override
    public WriteOutcome write(List<String> lines) {
        return measured(lines.size(), () -> writer.write(lines));
    }

    @Override
    public WriteOutcome writeUtf8(List<byte[]> lines) {
        return measured(lines.size(), () -> writer.writeUtf8(lines));
    }

    private WriteOutcome measured(int size, Supplier<WriteOutcome> write) {
        long start = nanoTime.getAsLong();
        WriteOutcome outcome;
        try {
            outcome = write.get();
        } catch (RuntimeException e) {
            // the forwarder retries a writer that throws: count it as such
            record(RETRY, size, start);
            throw e;
        }
        record(name(outcome), size, start);
        return outcome;
    }

    private void record(String outcome, int size, long start) {
        latency.record(nanoTime.getAsLong() - start, TimeUnit.NANOSECONDS);
        requests.get(outcome).increment();
        points.get(outcome).increment(size);
    }

    static String name(WriteOutcome outcome) {
        if (outcome instanceof WriteOutcome.Accepted) {
            return ACCEPTED;
        }
        if (outcome instanceof WriteOutcome.Rejected) {
            return REJECTED;
        }
        return outcome instanceof WriteOutcome.TooLarge ? TOO_LARGE : RETRY;
    }
}
