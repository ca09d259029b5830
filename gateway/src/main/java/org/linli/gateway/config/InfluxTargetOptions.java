package org.linli.gateway.config;

/**
 * One entry of {@code influx.targets} (docs/QUEUE.md, several targets): a time-series server the queue writes every
 * point to, with its own position in the queue. {@code tokenEnv}, {@code batchSize} and {@code flushIntervalMs} left
 * out take the section's values ({@link InfluxOptions#resolvedTargets()}).
 *
 * @param name a short name, {@code [a-z0-9_-]{1,32}}, unique: it names the target's position files and its
 *             {@code target} label in /metrics
 */
public record InfluxTargetOptions(
        String name,
        String url,
        String org,
        String bucket,
        String tokenEnv,
        Integer batchSize,
        Integer flushIntervalMs) {
}
