package org.linli.sim.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.timeseries.InfluxLineWriter;
import org.linli.gateway.timeseries.WriteOutcome;
import org.linli.sim.servers.RequiredTools;
import org.linli.sim.servers.VictoriaMetricsServer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The district dashboard's PromQL runs on a real VictoriaMetrics holding points as the gateway writes them (the tags
 * of docs/SCHEMA.md): every panel and variable query is accepted, and the compound and community variables list the
 * compounds written.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DistrictDashboardTest {
    private static final Path DASHBOARD = Path.of("..", "docker", "district", "grafana", "dashboards", "district-overview.json");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @DisplayName("every query of the district overview runs on VictoriaMetrics, and each panel finds the compounds written")
    void queriesRunOnVictoriaMetrics(@TempDir Path dir) throws Exception {
        RequiredTools.require("victoria-metrics", VictoriaMetricsServer.available());
        try (VictoriaMetricsServer vm = new VictoriaMetricsServer(dir.resolve("vm")).start();
             InfluxLineWriter writer = new InfluxLineWriter(vm.url(), "linli", "district", "t".toCharArray(), Duration.ofSeconds(10))) {
            // GIVEN two compounds of two communities, with readings and events over the last 30 minutes
            long now = System.currentTimeMillis();
            List<String> lines = new ArrayList<>();
            String[][] places = {{"幸福社区", "幸福里小区"}, {"和平社区", "和平苑"}};
            for (String[] p : places) {
                String tags = ",street=南湖街道,community=" + p[0] + ",compound=" + p[1] + ",building=3,unit=2,household=3-2-501";
                for (int m = 30; m > 0; m -= 5) {
                    long t = now - m * 60_000L;
                    lines.add("gas_alarm" + tags + ",device=gas-3-2-501,grid=grid-1 gas_lel=" + m + ",gas_lel_alarm=25,battery_pct=80 " + t);
                    lines.add("water_meter" + tags + ",device=water-3-2-501,grid=grid-1 total_m3=" + (100 + m) + ",battery_pct=90 " + t);
                }
                lines.add("device_event" + tags + ",device=gas-3-2-501,grid=grid-1,device_type=gas_alarm,event=alarm count=1i " + (now - 600_000));
                lines.add("device_event" + tags + ",device=gas-3-2-501,grid=grid-1,device_type=gas_alarm,event=low_battery count=1i " + (now - 500_000));
            }
            assertInstanceOf(WriteOutcome.Accepted.class, writer.write(lines));

            // WHEN each variable and panel query is run with every variable at "all" and the period 1 h
            JsonNode d = new ObjectMapper().readTree(DASHBOARD.toFile());
            Map<String, String> queries = new LinkedHashMap<>();
            d.path("templating").path("list").forEach(v -> {
                if ("query".equals(v.path("type").asText())) {
                    queries.put("variable " + v.path("name").asText(), v.path("query").path("query").asText());
                }
            });
            d.path("panels").forEach(p -> queries.put("panel " + p.path("title").asText(),
                    p.path("targets").get(0).path("expr").asText()));
            assertEquals(9, queries.size(), queries.keySet().toString());

            // THEN every query is accepted and finds both compounds (the variables list them)
            for (Map.Entry<String, String> q : queries.entrySet()) {
                String expr = q.getValue().replace("$street", ".*").replace("$community", ".*")
                        .replace("$compound", ".*").replace("$__range", "1h");
                JsonObject[] answer = {null};
                Awaitility.await(q.getKey()).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
                    answer[0] = run(vm, expr);
                    return !"success".equals(answer[0].getString("status")) || !answer[0].encode().contains("\"result\":[]")
                            && !answer[0].encode().contains("\"data\":[]");
                });
                assertEquals("success", answer[0].getString("status"), q.getKey() + ": " + answer[0].encode());
                String text = answer[0].encode();
                if (q.getKey().equals("variable street")) {
                    assertTrue(text.contains("南湖街道"), q.getKey() + ": " + text);
                } else if (q.getKey().equals("variable community")) {
                    assertTrue(text.contains("幸福社区") && text.contains("和平社区"), q.getKey() + ": " + text);
                } else {
                    assertTrue(text.contains("幸福里小区") && text.contains("和平苑") || text.contains("幸福社区") && text.contains("和平社区"),
                            q.getKey() + " finds both compounds (or communities): " + text);
                }
            }
        }
    }

    /** A {@code label_values(m, label)} variable through /api/v1/label/.../values, anything else as an instant query. */
    private JsonObject run(VictoriaMetricsServer vm, String expr) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(vm.url() + "/internal/force_flush")).build(), HttpResponse.BodyHandlers.discarding());
        String url;
        if (expr.startsWith("label_values(")) {
            String inner = expr.substring("label_values(".length(), expr.length() - 1);
            int comma = inner.lastIndexOf(',');
            url = vm.url() + "/api/v1/label/" + inner.substring(comma + 1).strip() + "/values?match[]="
                    + URLEncoder.encode(inner.substring(0, comma).strip(), StandardCharsets.UTF_8);
        } else {
            url = vm.url() + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8);
        }
        return new JsonObject(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
    }
}
