package org.linli.sim.bench;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.RequiredTools;
import org.linli.sim.servers.VictoriaMetricsServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drain benchmark's harness on a tiny backlog (not a timing test: it asserts only what was counted). */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DrainBenchmarkSmokeTest {

    @BeforeEach
    void tools() {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        RequiredTools.require("victoria-metrics", VictoriaMetricsServer.available());
    }

    @Test
    @DisplayName("a 2,000-message QoS 1 backlog: the harness sees every message stored by a gateway process and prints its row")
    void countsEveryPointOfASmallBacklog(@TempDir Path dir) throws Exception {
        // GIVEN the benchmark on a 2,000-message backlog, gateway only, the gateway started from the test classpath
        Path out = dir.resolve("drain.md");
        BenchOptions o = BenchOptions.parse("--messages", "2000", "--runs", "1", "--qos", "1", "--devices", "300",
                "--gateway-classpath", System.getProperty("java.class.path"), "--out", out.toString());

        // WHEN it runs
        BenchReport report = new DrainBenchmark(o, dir.resolve("work")).run();

        // THEN one backlog row: every message stored, none left over, the drain timed, CPU and memory sampled
        List<BenchRow> rows = report.rows();
        assertEquals(1, rows.size(), report.render());
        BenchRow row = rows.get(0);
        assertEquals("gateway", row.peer());
        assertEquals("backlog", row.mode());
        assertEquals(2000, row.messages());
        assertEquals(2000, row.stored(), report.render());
        assertEquals("", row.note(), "not stalled: " + report.render());
        assertTrue(row.seconds() > 0 && row.rate() > 0 && row.cpuMicros() > 0 && row.rssMb() > 0, report.render());
        // AND the markdown file holds the table with that row
        String written = Files.readString(out);
        assertTrue(written.contains(BenchRow.HEADER) && written.contains(row.markdown()), written);
    }

    @Test
    @DisplayName("--warm: after the cold drain the same gateway process, stopped while the broker queues, drains a second backlog; both rows count every message")
    void drainsASecondBacklogWarm(@TempDir Path dir) throws Exception {
        // GIVEN the benchmark on a 2,000-message backlog with a warm second drain
        BenchOptions o = BenchOptions.parse("--messages", "2000", "--runs", "1", "--qos", "1", "--devices", "300", "--warm",
                "--gateway-classpath", System.getProperty("java.class.path"), "--out", dir.resolve("drain.md").toString());

        // WHEN it runs
        BenchReport report = new DrainBenchmark(o, dir.resolve("work")).run();

        // THEN the cold row, then the warm row: its 2,000 messages stored on top of the first 2,000 by the same process
        // (a new process would count from zero and never reach the sum), timed, its own CPU, no first-write figure
        List<BenchRow> rows = report.rows();
        assertEquals(List.of("backlog", "backlog, warm"), rows.stream().map(BenchRow::mode).toList(), report.render());
        assertEquals(2000, rows.get(0).stored(), report.render());
        BenchRow warm = rows.get(1);
        assertEquals(2000, warm.messages());
        assertEquals(2000, warm.stored(), report.render());
        assertEquals("", warm.note(), "not stalled: " + report.render());
        assertTrue(warm.seconds() > 0 && warm.rate() > 0 && warm.cpuMicros() > 0, report.render());
        assertTrue(Double.isNaN(warm.firstWrite()) && Double.isNaN(warm.fromStart()), report.render());
    }
}
