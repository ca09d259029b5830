package org.linli.gateway.config;

/**
 * The InfluxDB v2 write API: url, org, bucket; the token is read from the environment variable {@code tokenEnv}.
 * {@code batchSize} and {@code flushIntervalMs} shape the writes of the queue forwarder. (The former
 * {@code maxBufferedPoints} is refused by {@link ConfigLoader} with a message: the disk queue is bounded by
 * {@code queue.maxBytes}.)
 */
public record InfluxOptions(
        String url,
        String org,
        String bucket,
        String tokenEnv,
        Integer batchSize,
        Integer flushIntervalMs) {
    public InfluxOptions {
        tokenEnv = tokenEnv == null ? "LINLI_INFLUX_TOKEN" : tokenEnv;
        batchSize = batchSize == null ? 2000 : batchSize;
        flushIntervalMs = flushIntervalMs == null ? 1000 : flushIntervalMs;
    }

    /** The connection with the default token variable, batch size and flush interval. */
    public static InfluxOptions of(String url, String org, String bucket) {
        return new InfluxOptions(url, org, bucket, null, null, null);
    }

    public InfluxOptions withTokenEnv(String variable) {
        return new InfluxOptions(url, org, bucket, variable, batchSize, flushIntervalMs);
    }

    public InfluxOptions withBatch(int size, int flushIntervalMs) {
        return new InfluxOptions(url, org, bucket, tokenEnv, size, flushIntervalMs);
    }
}
