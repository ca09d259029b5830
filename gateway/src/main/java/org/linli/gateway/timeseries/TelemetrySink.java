package org.linli.gateway.timeseries;

import io.vertx.core.Future;

import java.util.List;

/**
 * Where the pipeline hands line-protocol points. The future completes once the sink has taken responsibility for
 * them: today when they are buffered in memory, with the durable queue (issue 6) when they are on disk; the MQTT
 * ingest acknowledges a QoS 1 message to the broker only then. Called on the event loop; must not block.
 */
public interface TelemetrySink {
    Future<Void> offer(List<String> lines);
}
