package org.linli.sim.bench;

import java.io.IOException;

/**
 * What the InfluxDB-API server (VictoriaMetrics) counted, from its own {@code /metrics}: rows inserted over the
 * InfluxDB line protocol (one per field of a point) and the points (lines) it parsed. Read on the harness's
 * main thread.
 */
final class VictoriaMetricsCounts {
    private final String url;

    VictoriaMetricsCounts(String url) {
        this.url = url;
    }

    long influxRows() throws IOException {
        return (long) PromText.fetch(url + "/metrics").sum("vm_rows_inserted_total", "type=\"influx\"");
    }

    /** Points (lines of line protocol) the server parsed from InfluxDB writes. */
    long influxPoints() throws IOException {
        return (long) PromText.fetch(url + "/metrics").sum("vm_protoparser_rows_read_total", "type=\"influx\"");
    }
}
