package org.linli.gateway.queue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.QueueOptions;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.timeseries.BatchWriter;
import org.linli.gateway.timeseries.RetryBackoff;

import java.time.Clock;
import java.time.Duration;

/** The queue and its forwarder as the gateway wires them: pipeline → {@link DiskQueue} → forwarder → writer. */
public final class StoreAndForward {
    private final DiskQueue queue;
    private final QueueForwarder forwarder;

    private StoreAndForward(DiskQueue queue, QueueForwarder forwarder) {
        this.queue = queue;
        this.forwarder = forwarder;
    }

    /** Recovers the queue from disk and starts forwarding (replaying whatever a previous run left). */
    public static Future<StoreAndForward> start(Vertx vertx, QueueOptions options, String dataDir, InfluxOptions influx,
                                                BatchWriter writer, DeadLetters deadLetters, Clock clock) {
        QueueSettings settings = new QueueSettings(options.dirUnder(dataDir), options.maxBytes(), options.segmentBytes(),
                options.fsyncEveryMs());
        return DiskQueue.open(vertx, settings, clock).map(q -> {
            QueueForwarder f = new QueueForwarder(vertx, q, writer, deadLetters, influx.batchSize(),
                    Duration.ofMillis(influx.flushIntervalMs()), clock, RetryBackoff.standard());
            f.start();
            return new StoreAndForward(q, f);
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
        forwarder.stop();
        return queue.close();
    }
}
