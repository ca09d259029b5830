package org.linli.sim.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live ceiling reported is the median of the ladders, with every ladder listed, not the best one. */
class BenchReportTest {
    @Test
    void theCeilingIsTheMedianOfTheLaddersAndTheRatioComparesMedians() {
        BenchReport report = new BenchReport();
        report.ceiling("gateway", 1, 25_000, false);
        report.ceiling("node-red", 1, 10_000, false);
        report.ceiling("gateway", 1, 30_000, false);
        report.ceiling("node-red", 1, 8_000, false);
        report.ceiling("gateway", 1, 25_000, false);
        report.ceiling("node-red", 1, 10_000, false);

        assertEquals(25_000, report.medianCeiling("gateway", 1));
        String text = report.render();
        assertTrue(text.contains("gateway QoS 1: median 25,000 msg/s; each ladder: 25,000 / 30,000 / 25,000"), text);
        assertTrue(text.contains("live ceiling QoS 1 (medians): 2.5× (25,000 vs 10,000 msg/s)"), text);
    }

    @Test
    void aMedianLadderThatNeverFellBehindIsALowerBound() {
        BenchReport report = new BenchReport();
        report.ceiling("gateway", 0, 40_000, true);
        report.ceiling("gateway", 0, 35_000, false);
        report.ceiling("gateway", 0, 40_000, true);

        assertTrue(report.render().contains("gateway QoS 0: median ≥ 40,000 msg/s (kept up at every step"), report.render());
    }

    @Test
    void coldAndWarmDrainsAreComparedApartAndAWarmOneHasNoStartUpRatio() {
        BenchReport report = new BenchReport();
        report.add(new BenchRow("gateway", "backlog", 1, 20_000, 20_000, 2, 10_000, 0.2, 4_000, 300, 200, "", "", ""));
        report.add(new BenchRow("gateway", "backlog, warm", 1, 20_000, 20_000, 1, 20_000, Double.NaN, Double.NaN, 70, 200, "", "", ""));
        report.add(new BenchRow("node-red", "backlog", 1, 20_000, 13_333, 5, 2_500, 1, 2_000, 450, 360, "", "", ""));
        report.add(new BenchRow("node-red", "backlog, warm", 1, 20_000, 13_333, 8, 2_000, Double.NaN, Double.NaN, 560, 600, "", "", ""));

        String text = report.render();
        assertTrue(text.contains("- backlog 20,000 QoS 1: throughput 4.0× (10,000 vs 2,500 msg/s), from process start 2.0×, "
                + "CPU per message 1.5× lower"), text);
        assertTrue(text.contains("- warm backlog 20,000 QoS 1: throughput 10.0× (20,000 vs 2,000 msg/s), CPU per message 8.0× lower"), text);
    }
}
