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
}
