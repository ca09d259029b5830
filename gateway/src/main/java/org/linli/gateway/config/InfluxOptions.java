package org.linli.gateway.config;

/**
 * The InfluxDB v2 write API: url, org, bucket; the token is read from the environment variable {@code tokenEnv}.
 * {@code batchSize} and {@code flushIntervalMs} shape the writes of the queue forwarder. {@code maxBufferedPoints} is
 * accepted for old config files but no longer used: the disk queue is bounded by {@code queue.maxBytes} instead.
 */
public record InfluxOptions(
        String url,
        String org,
        String bucket,
        String tokenEnv,
        Integer batchSize,
        Integer flushIntervalMs,
        Integer maxBufferedPoints) {

    public InfluxOptions {
        tokenEnv = tokenEnv == null ? "LINLI_INFLUX_TOKEN" : tokenEnv;
        batchSize = batchSize == null ? 2000 : batchSize;
        flushIntervalMs = flushIntervalMs == null ? 1000 : flushIntervalMs;
        maxBufferedPoints = maxBufferedPoints == null ? 200_000 : maxBufferedPoints;
    }
}
