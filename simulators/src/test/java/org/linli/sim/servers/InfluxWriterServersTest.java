package org.linli.sim.servers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.timeseries.InfluxLineWriter;
import org.linli.gateway.timeseries.WriteOutcome;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway's InfluxDB writer against two different real servers of the v2 write API (TOOLING.md). */
class InfluxWriterServersTest {
    private static final long T0 = 1_795_000_000_000L;

    /** 200 points of 10 devices: float, integer and boolean fields, Chinese tag values. */
    private static List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add("water_meter,compound=幸福里,building=3,unit=2,household=3-2-50" + (i % 10) + ",device=wm-" + (i % 10)
                    + " total_m3=" + (100 + i * 0.25) + ",signal_dbm=" + (-60 - i % 7) + "i,valve_open=true " + (T0 + i * 1000L));
        }
        return lines;
    }

    private static InfluxLineWriter writer(String url) {
        return new InfluxLineWriter(url, "linli", "compound", "token".toCharArray(), Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("QuestDB: every point written through the v2 write API is stored once with its tags and typed values")
    void questDb(@TempDir Path dir) throws Exception {
        try (QuestDbServer db = new QuestDbServer(dir).start(); InfluxLineWriter w = writer(db.url())) {
            assertInstanceOf(WriteOutcome.Accepted.class, w.write(lines()));
            await("200 rows visible").atMost(Duration.ofSeconds(20)).pollInSameThread()
                    .until(() -> db.count("water_meter", null) >= 200);
            assertEquals(200, db.count("water_meter", null));
            JsonObject r = db.query("select household, sum(total_m3), min(signal_dbm), count() from water_meter "
                    + "where device = 'wm-3' and compound = '幸福里' and valve_open = true group by household");
            JsonArray row = r.getJsonArray("dataset").getJsonArray(0);
            assertEquals("3-2-503", row.getString(0));
            double expected = 0;
            for (int i = 3; i < 200; i += 10) {
                expected += 100 + i * 0.25;
            }
            assertEquals(expected, row.getDouble(1), 1e-9);
            assertEquals(20, row.getLong(3));
            // a field sent with the wrong type is refused by the server: the writer says Rejected, not retry
            WriteOutcome bad = w.write(List.of("water_meter,device=wm-x total_m3=\"lots\" " + T0));
            assertInstanceOf(WriteOutcome.Rejected.class, bad, String.valueOf(bad));
        }
    }

    @Test
    @DisplayName("VictoriaMetrics: the same batch is stored once per series and sample, with the same values")
    void victoriaMetrics(@TempDir Path dir) throws Exception {
        RequiredTools.require("victoria-metrics", VictoriaMetricsServer.available());
        try (VictoriaMetricsServer vm = new VictoriaMetricsServer(dir).start(); InfluxLineWriter w = writer(vm.url())) {
            assertInstanceOf(WriteOutcome.Accepted.class, w.write(lines()));
            List<String> series = await("10 series, 200 samples visible").atMost(Duration.ofSeconds(20)).pollInSameThread()
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> vm.export("{__name__=\"water_meter_total_m3\"}"), s -> s.size() == 10 && samples(s) == 200);
            assertEquals(10, series.size(), "one series per device");
            assertEquals(200, samples(series));
            Map<String, Double> sums = new HashMap<>();
            for (String s : series) {
                JsonObject o = new JsonObject(s);
                assertEquals("幸福里", o.getJsonObject("metric").getString("compound"));
                double sum = o.getJsonArray("values").stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
                sums.put(o.getJsonObject("metric").getString("device"), sum);
            }
            double expected = 0;
            for (int i = 3; i < 200; i += 10) {
                expected += 100 + i * 0.25;
            }
            assertEquals(expected, sums.get("wm-3"), 1e-6);
            assertTrue(vm.export("{__name__=\"water_meter_signal_dbm\"}").size() == 10);
        }
    }

    private static int samples(List<String> series) {
        return series.stream().mapToInt(s -> new JsonObject(s).getJsonArray("values").size()).sum();
    }
}
