package org.linli.gateway.timeseries;

import io.vertx.core.Future;

/**
 * Where the pipeline hands line-protocol points, each already in the {@link Lane} it was made for. The future
 * completes once the sink has taken responsibility for them (the durable queue: when they are fsynced); the MQTT
 * ingest acknowledges a QoS 1 message to the broker only then. Called on the event loop; must not block.
 */
public interface TelemetrySink {
    Future<Void> offer(PointBatch points);
}
