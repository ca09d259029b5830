package org.linli.sim.load;

/** What a load run sent and what the gateway stored, and how fast. */
record LoadReport(LoadOptions options, String broker, int devices, long published, long acknowledged, long pointsExpected,
                  long pointsWritten, double publishSeconds, double endToEndSeconds, long heapUsedMb) {

    double publishRate() {
        return acknowledged / publishSeconds;
    }

    /** Messages per second from the first publish to the last acknowledged write. */
    double endToEndRate() {
        return pointsWritten / endToEndSeconds;
    }

    String render() {
        return String.format("""
                load run: %d devices, target %d msg/s for %d s, QoS %d, broker %s
                  published           %d reports + heartbeats = %d messages acknowledged by the broker in %.1f s = %.0f msg/s
                  written to the TSDB %d of %d points, last write acknowledged %.1f s after the first publish
                  end to end          %.0f messages/s (publish -> decode -> acknowledged InfluxDB v2 write)
                  heap used at end    %d MB
                """, devices, options.rate(), options.seconds(), options.qos(), broker, published, acknowledged,
                publishSeconds, publishRate(), pointsWritten, pointsExpected, endToEndSeconds, endToEndRate(), heapUsedMb);
    }
}
