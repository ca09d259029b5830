package org.linli.centre;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.linli.archive.AlertArchive;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Outcome;
import org.linli.gateway.alert.Severity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The archive tests' known scenario (docs/ARCHIVE.md "The known scenario", a copy of the alerts of
 * {@code archive/src/test/.../KnownScenario}) for the centre's tests: the same December 2026 versions, scripted
 * through the gateway's own workflow, here PUBLISHED through the broker as the compounds' gateways would (each twice,
 * shuffled), plus x1's two closed dark periods written straight into the archive (the centre records dark periods at
 * its own clock, so the scripted ones cannot come through it). Expected figures: docs/ARCHIVE.md.
 */
final class ArchiveScenario {
    private ArchiveScenario() {
    }

    private static Instant t(String utc) {
        return Instant.parse(utc);
    }

    static List<List<JsonNode>> alerts() {
        List<List<JsonNode>> all = new ArrayList<>();
        Instant a1 = t("2026-11-30T16:00:00Z");
        all.add(GatewayAlertScript.raise("x1", "A1", AlertType.GAS_LEAK, Severity.CRITICAL, "g1", a1)
                .accept(a1.plusSeconds(60)).onSite(a1.plusSeconds(600)).resolve(Outcome.REAL_INCIDENT, a1.plusSeconds(1200))
                .verify(a1.plusSeconds(4000)).versions());
        Instant a2 = t("2026-12-03T02:00:00Z");
        all.add(GatewayAlertScript.raise("x1", "A2", AlertType.FIRE, Severity.CRITICAL, "g1", a2)
                .accept(a2.plusSeconds(120)).onSite(a2.plusSeconds(900))
                .resolve(Outcome.FALSE_ALARM_COOKING, a2.plusSeconds(1800)).versions());
        Instant a3 = t("2026-12-08T06:30:00Z");
        all.add(GatewayAlertScript.raise("x1", "A3", AlertType.WATER_CONTINUOUS_FLOW, Severity.MAJOR, "g1", a3)
                .accept(a3.plusSeconds(180)).onSite(a3.plusSeconds(1200))
                .resolve(Outcome.REAL_INCIDENT, a3.plusSeconds(2400)).versions());
        Instant a4 = t("2026-12-12T12:00:00Z");
        all.add(GatewayAlertScript.raise("x1", "A4", AlertType.GAS_LEAK, Severity.CRITICAL_VULNERABLE, "g1", a4)
                .escalate(a4.plusSeconds(120)).accept(a4.plusSeconds(240)).onSite(a4.plusSeconds(1500))
                .resolve(Outcome.RESIDENT_AWAY, a4.plusSeconds(3000)).versions());
        Instant a5 = t("2026-12-15T03:00:00Z");
        all.add(GatewayAlertScript.raise("x1", "A5", AlertType.FIRE, Severity.CRITICAL_VULNERABLE, "g1", a5)
                .escalate(a5.plusSeconds(120)).escalate(a5.plusSeconds(240)).accept(a5.plusSeconds(300))
                .dismiss(Outcome.FALSE_ALARM_TEST, a5.plusSeconds(600)).versions());
        Instant a6 = t("2026-12-28T09:00:00Z");
        all.add(GatewayAlertScript.raise("x1", "A6", AlertType.DEVICE_OFFLINE, Severity.MAJOR, "g2", a6)
                .escalate(a6.plusSeconds(1800)).repeat(a6.plusSeconds(2000)).versions());
        Instant b1 = t("2026-12-05T01:00:00Z");
        all.add(GatewayAlertScript.raise("x2", "A1", AlertType.DEVICE_FAULT, Severity.MAJOR, "g1", b1)
                .accept(b1.plusSeconds(600)).onSite(b1.plusSeconds(1200))
                .resolve(Outcome.DEVICE_FAULT, b1.plusSeconds(1800)).versions());
        Instant b2 = t("2026-12-21T13:00:00Z");
        all.add(GatewayAlertScript.raise("x2", "A2", AlertType.FIRE, Severity.CRITICAL, "g1", b2)
                .accept(b2.plusSeconds(30)).dismiss(Outcome.FALSE_ALARM_COOKING, b2.plusSeconds(90)).versions());
        Instant before = t("2026-11-30T15:59:59Z");
        all.add(GatewayAlertScript.raise("x1", "A0", AlertType.FIRE, Severity.CRITICAL, "g1", before)
                .accept(before.plusSeconds(10)).versions());
        Instant c1 = t("2026-12-10T00:00:00Z");
        all.add(GatewayAlertScript.raise("x3", "A1", AlertType.GAS_LEAK, Severity.CRITICAL, "g1", c1)
                .accept(c1.plusSeconds(5)).versions());
        return all;
    }

    static String communityOf(String compound) {
        return "x3".equals(compound) ? "c2" : "c1";
    }

    /** Every version of every alert, each twice, shuffled (so older copies often come after newer ones). */
    static List<JsonNode> deliveries() {
        List<JsonNode> versions = new ArrayList<>();
        alerts().forEach(versions::addAll);
        versions.addAll(new ArrayList<>(versions));
        Collections.shuffle(versions, new Random(2026));
        return versions;
    }

    /** Publishes {@link #deliveries()} as the compounds' gateways; returns how many messages were sent. */
    static int publish(FakeCompound gateways) throws Exception {
        List<JsonNode> all = deliveries();
        for (JsonNode v : all) {
            String compound = v.at("/location/compound").asText();
            gateways.alert(communityOf(compound), compound, new JsonObject(v.toString()));
        }
        return all.size();
    }

    /** compound/id → highest version, as the archive must end. */
    static Map<String, Long> highestVersions() {
        Map<String, Long> out = new TreeMap<>();
        for (List<JsonNode> alert : alerts()) {
            JsonNode last = alert.get(alert.size() - 1);
            out.put(last.at("/location/compound").asText() + "/" + last.get("id").asText(), last.get("version").asLong());
        }
        return out;
    }

    /** How many history lines the highest versions hold together: the archive's transitions. */
    static int transitions() {
        return alerts().stream().mapToInt(a -> a.get(a.size() - 1).get("history").size()).sum();
    }

    /** x1 dark across the month's start (1 h in December) and 30 min on the 10th: 2 periods, 5,400 s. */
    static void darkPeriodsOfX1(AlertArchive archive) throws SQLException {
        archive.recordReachability("s1", "c1", "x1", false, t("2026-11-30T15:00:00Z"));
        archive.recordReachability("s1", "c1", "x1", true, t("2026-11-30T17:00:00Z"));
        archive.recordReachability("s1", "c1", "x1", false, t("2026-12-10T01:00:00Z"));
        archive.recordReachability("s1", "c1", "x1", true, t("2026-12-10T01:30:00Z"));
    }

    /** The archive's alerts table as compound/id → version. */
    static Map<String, Long> archivedVersions(String jdbcUrl, String user) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT compound, alert_id, version FROM alerts")) {
            while (rs.next()) {
                out.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
            }
        }
        return out;
    }

    static long count(String jdbcUrl, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
