package org.linli.gateway.queue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.InfluxTarget;
import org.linli.gateway.config.QueueOptions;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.timeseries.BatchWriter;
import org.linli.gateway.timeseries.RetryBackoff;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The queue and its forwarders as the gateway wires them: pipeline → {@link DiskQueue} → one forwarder per
 * time-series target → that target's writer (docs/QUEUE.md, several targets).
 */
public final class StoreAndForward {
    private final DiskQueue queue;
    private final List<QueueForwarder> forwarders;

    private StoreAndForward(DiskQueue queue, List<QueueForwarder> forwarders) {
        this.queue = queue;
        this.forwarders = forwarders;
    }

    /** The single target of {@code influx} written with {@code writer}; see {@link #start(Vertx, QueueOptions, String, List, Function, DeadLetters, Clock)}. */
    public static Future<StoreAndForward> start(Vertx vertx, QueueOptions options, String dataDir, InfluxOptions influx,
                                                BatchWriter writer, DeadLetters deadLetters, Clock clock) {
        return start(vertx, options, dataDir, influx.resolvedTargets().subList(0, 1), t -> writer, deadLetters, clock);
    }

    /**
     * Recovers the queue from disk with a position per target and starts one forwarder per target, each writing with
     * {@code writers.apply(target)} (replaying whatever a previous run left for it).
     */
    public static Future<StoreAndForward> start(Vertx vertx, QueueOptions options, String dataDir,
                                                List<InfluxTarget> targets, Function<InfluxTarget, BatchWriter> writers,
                                                DeadLetters deadLetters, Clock clock) {
        QueueSettings settings = new QueueSettings(options.dirUnder(dataDir), options.maxBytes(), options.segmentBytes(),
                options.fsyncEveryMs());
        List<String> names = targets.stream().map(InfluxTarget::name).toList();
        return DiskQueue.open(vertx, settings, clock, names).map(q -> {
            List<QueueForwarder> forwarders = new ArrayList<>();
            for (InfluxTarget t : targets) {
                QueueForwarder f = new QueueForwarder(vertx, q, t.name(), writers.apply(t), deadLetters, t.batchSize(),
                        Duration.ofMillis(t.flushIntervalMs()), clock, RetryBackoff.standard());
                f.start();
                forwarders.add(f);
            }
            return new StoreAndForward(q, forwarders);
        });
    }

    public DiskQueue queue() {
        return queue;
    }

    public QueueStats stats() {
        return queue.stats();
    }

    /** Stops forwarding and closes the queue once pending offers are durable. Nothing queued is lost. */
    public Future<Void> close() {
        forwarders.forEach(QueueForwarder::stop);
        return queue.close();
    }
}
