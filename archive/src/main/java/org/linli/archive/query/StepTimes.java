package org.linli.archive.query;

/**
 * How long alerts took, from being raised, to reach one step (accept, on site, handled): how many reached it and the
 * median and 90th percentile in seconds (PostgreSQL's {@code percentile_cont}, interpolated; null when none did).
 */
public record StepTimes(long reached, Double p50Seconds, Double p90Seconds) {
    public static final StepTimes NONE = new StepTimes(0, null, null);
}
