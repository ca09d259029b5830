package org.linli.sim.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The latency figures of one phase: of the alerts it raised, how many arrived on the console's stream, and the
 * p50 / p99 / max of their publish-to-console latency (milliseconds, nearest-rank percentiles).
 */
record CentreScaleLatencies(String phase, int raised, int arrived, double p50Ms, double p99Ms, double maxMs) {

    static CentreScaleLatencies of(CentreScaleLoad load, CentreScaleStream stream) {
        List<Long> micros = new ArrayList<>();
        for (String key : load.keys()) {
            Long l = stream.latencyMicros(key);
            if (l != null) {
                micros.add(l);
            }
        }
        Collections.sort(micros);
        return new CentreScaleLatencies(load.name(), load.keys().size(), micros.size(), rank(micros, 0.50),
                rank(micros, 0.99), micros.isEmpty() ? Double.NaN : micros.get(micros.size() - 1) / 1000.0);
    }

    private static double rank(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1000.0;
    }

    /** Every raised alert has arrived. */
    boolean complete() {
        return raised == arrived;
    }

    String row() {
        return String.format("| %s | %,d | %,d | %.1f ms | %.1f ms | %.1f ms |", phase, raised, arrived, p50Ms, p99Ms,
                maxMs);
    }
}
