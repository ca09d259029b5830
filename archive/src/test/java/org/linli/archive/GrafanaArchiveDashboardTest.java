package org.linli.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every SQL query of the district archive dashboard (docker/grafana/district) runs on the real schema, with Grafana's
 * macros and variables expanded the way Grafana expands them, and the headline panels give the known scenario's figures.
 */
class GrafanaArchiveDashboardTest {
    private static final Path DASHBOARD = Path.of("..", "docker", "grafana", "district", "dashboards", "alert-archive.json");
    private static final String FROM = "'2026-11-30T16:00:00Z'::timestamptz";
    private static final String TO = "'2026-12-31T16:00:00Z'::timestamptz";
    private static ArchiveDatabase db;

    @BeforeAll
    static void load() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        db = ArchiveDatabase.open(pg.createDatabase("grafana"), pg.user(), "", 2);
        KnownScenario.load(new AlertArchive(db.dataSource()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /**
     * Grafana's PostgreSQL macros and the multi-value variables for street s1, community c1, compounds x1 and x2; the
     * database's now() (an open dark period counts up to it) is pinned to the scenario's clock.
     */
    static String expand(String sql) {
        return sql.replaceAll("\\$__timeFilter\\((\\w+)\\)", "$1 BETWEEN " + FROM + " AND " + TO)
                .replaceAll("\\$__timeGroupAlias\\((\\w+), *1d\\)", "date_trunc('day', $1) AS \"time\"")
                .replace("now()", "'" + KnownScenario.NOW + "'::timestamptz").replace("$__timeFrom()", FROM).replace("$__timeTo()", TO)
                .replace("$street", "'s1'").replace("$community", "'c1'").replace("$compound", "'x1','x2'");
    }

    private static Map<String, List<String>> runAll() throws Exception {
        JsonNode dash = new ObjectMapper().readTree(DASHBOARD.toFile());
        Map<String, List<String>> firstRows = new LinkedHashMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (JsonNode v : dash.at("/templating/list")) {
                try (ResultSet rs = st.executeQuery(expand(v.get("query").asText()))) {
                    List<String> values = new ArrayList<>();
                    while (rs.next()) {
                        values.add(rs.getString(1));
                    }
                    firstRows.put("var " + v.get("name").asText(), values);
                }
            }
            for (JsonNode p : dash.get("panels")) {
                for (JsonNode t : p.get("targets")) {
                    try (ResultSet rs = st.executeQuery(expand(t.get("rawSql").asText()))) {
                        List<String> row = new ArrayList<>();
                        if (rs.next()) {
                            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                row.add(rs.getString(i));
                            }
                        }
                        firstRows.put(p.get("title").asText(), row);
                    }
                }
            }
        }
        return firstRows;
    }

    @Test
    void everyVariableAndPanelQueryRunsAndTheHeadlinesMatchTheKnownScenario() throws Exception {
        // GIVEN the known scenario archived; WHEN each of the dashboard's queries runs for December, c1
        Map<String, List<String>> rows = runAll();

        // THEN all ran, the variables list what is there, and the stat panels show the figures ArchiveStatistics gives
        assertEquals(List.of("s1"), rows.get("var street"));
        assertEquals(List.of("c1", "c2"), rows.get("var community"));
        assertEquals(List.of("x1", "x2"), rows.get("var compound"));
        assertEquals(List.of("8"), rows.get("告警数 Alerts"));
        assertEquals(List.of("180", "420"), rows.get("接单用时 p50 / p90 Time to accept"));
        assertEquals(List.of("1800", "2640"), rows.get("处置用时 p50 / p90 Time to handle"));
        assertEquals(3.0 / 7, Double.parseDouble(rows.get("误报率 False-alarm share").get(0)), 1e-9);
        assertEquals(12600.0, Double.parseDouble(rows.get("失联时长 Dark time").get(0)), 1e-6);
        assertEquals(List.of("第1级", "2"), rows.get("升级告警 Escalations by level"));
        rows.values().forEach(r -> assertFalse(r == null));
    }
}
