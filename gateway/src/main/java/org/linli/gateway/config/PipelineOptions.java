package org.linli.gateway.config;

/**
 * How the gateway decodes device messages (docs/ARCHITECTURE.md, "The path of an MQTT message"). Optional section
 * {@code pipeline:}; every field has a default.
 *
 * @param decodeThreads the decode workers ({@code linli-decode-N}) that parse payloads and build their line protocol;
 *                      null: the machine's cores, at most 4 ({@link #DEFAULT_MAX_THREADS}). The system property
 *                      {@code -Dlinli.decodeThreads=N} overrides it (tests, benchmarks)
 */
public record PipelineOptions(Integer decodeThreads) {
    /** The largest {@code decodeThreads} the validator accepts. */
    public static final int MAX_THREADS = 16;
    /** The default is the cores, at most this many: the event loop and Paho need cores too. */
    public static final int DEFAULT_MAX_THREADS = 4;
    /** The system property that overrides {@code decodeThreads}. */
    public static final String THREADS_PROPERTY = "linli.decodeThreads";

    public static PipelineOptions defaults() {
        return new PipelineOptions(null);
    }

    /** The worker count to start: the system property if set, else the site file's value, else the default. */
    public int effectiveDecodeThreads() {
        Integer override = Integer.getInteger(THREADS_PROPERTY);
        if (override != null) {
            return Math.max(1, override);
        }
        return decodeThreads != null ? decodeThreads : defaultDecodeThreads();
    }

    /** Every core, at most {@link #DEFAULT_MAX_THREADS}. */
    public static int defaultDecodeThreads() {
        return Math.max(1, Math.min(DEFAULT_MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /** Where the worker count comes from, for check-config. */
    public String describe() {
        if (Integer.getInteger(THREADS_PROPERTY) != null) {
            return effectiveDecodeThreads() + " decode threads (-D" + THREADS_PROPERTY + ")";
        }
        return effectiveDecodeThreads() + " decode threads" + (decodeThreads == null
                ? " (default: the cores, at most " + DEFAULT_MAX_THREADS + ")" : " (pipeline.decodeThreads)");
    }
}
