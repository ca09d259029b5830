package org.linli.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.ArrayList;
import java.util.List;

/**
 * The InfluxDB v2 write API: url, org, bucket; the token is read from the environment variable {@code tokenEnv}.
 * Either that single target or a list {@code targets} (each with a name, docs/QUEUE.md, several targets), for which
 * {@code tokenEnv}, {@code batchSize} and {@code flushIntervalMs} here are the defaults.
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
        Integer flushIntervalMs,
        List<InfluxTargetOptions> targets) {
    /** The name of the one target of the single-target form (its position files, its metrics label). */
    public static final String SINGLE_TARGET = "influx";

    @JsonCreator
    public InfluxOptions {
        tokenEnv = tokenEnv == null ? "LINLI_INFLUX_TOKEN" : tokenEnv;
        batchSize = batchSize == null ? 2000 : batchSize;
        flushIntervalMs = flushIntervalMs == null ? 1000 : flushIntervalMs;
        targets = targets == null ? null : List.copyOf(targets);
    }

    /** The single-target form, as every site file before issue 13 wrote it. */
    public InfluxOptions(String url, String org, String bucket, String tokenEnv, Integer batchSize,
                         Integer flushIntervalMs) {
        this(url, org, bucket, tokenEnv, batchSize, flushIntervalMs, null);
    }

    /** The connection with the default token variable, batch size and flush interval. */
    public static InfluxOptions of(String url, String org, String bucket) {
        return new InfluxOptions(url, org, bucket, null, null, null);
    }

    /** The list form: these targets, with the default token variable, batch size and flush interval. */
    public static InfluxOptions ofTargets(List<InfluxTargetOptions> targets) {
        return new InfluxOptions(null, null, null, null, null, null, targets);
    }

    public InfluxOptions withTokenEnv(String variable) {
        return new InfluxOptions(url, org, bucket, variable, batchSize, flushIntervalMs, targets);
    }

    public InfluxOptions withBatch(int size, int flushIntervalMs) {
        return new InfluxOptions(url, org, bucket, tokenEnv, size, flushIntervalMs, targets);
    }

    /** Whether the section uses the list form {@code targets}. */
    public boolean hasTargetList() {
        return targets != null;
    }

    /**
     * Every target with the section's defaults applied: the single-target form is one target named
     * {@value #SINGLE_TARGET}.
     */
    public List<InfluxTarget> resolvedTargets() {
        if (targets == null) {
            return List.of(new InfluxTarget(SINGLE_TARGET, url, org, bucket, tokenEnv, batchSize, flushIntervalMs));
        }
        List<InfluxTarget> out = new ArrayList<>();
        for (InfluxTargetOptions t : targets) {
            out.add(new InfluxTarget(t.name(), t.url(), t.org(), t.bucket(),
                    t.tokenEnv() == null ? tokenEnv : t.tokenEnv(),
                    t.batchSize() == null ? batchSize : t.batchSize(),
                    t.flushIntervalMs() == null ? flushIntervalMs : t.flushIntervalMs()));
        }
        return out;
    }
}
