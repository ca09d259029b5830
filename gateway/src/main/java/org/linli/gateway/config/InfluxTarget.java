package org.linli.gateway.config;

/**
 * A time-series target as the gateway uses it: the single-target form of {@code influx:} or one entry of
 * {@code influx.targets}, with the section's defaults applied.
 */
public record InfluxTarget(String name, String url, String org, String bucket, String tokenEnv, int batchSize,
                           int flushIntervalMs) {
}
