package org.linli.archive;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Outcome;
import org.linli.gateway.alert.Severity;

/**
 * A scripted December 2026 (Asia/Shanghai) with answers known to the second, worked out by hand in docs/ARCHIVE.md
 * "The known scenario". Street s1: community c1 with compounds x1 (6 alerts) and x2 (2 alerts), community c2 with
 * x3 (1 alert); one x1 alert raised one second before December began (in Shanghai); three dark periods in c1, one of
 * them still open at {@link #NOW}. Every version is archived, shuffled, so the figures also prove the idempotency.
 */
final class KnownScenario {
    static final Instant NOW = Instant.parse("2026-12-20T02:00:00Z");

    private KnownScenario() {
    }

    private static Instant t(String utc) {
        return Instant.parse(utc);
    }

    static List<List<JsonNode>> alerts() {
        List<List<JsonNode>> all = new ArrayList<>();
        Instant a1 = t("2026-11-30T16:00:00Z"); // 2026-12-01 00:00:00 in Shanghai: the first second of December
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
        Instant before = t("2026-11-30T15:59:59Z"); // 2026-11-30 23:59:59 in Shanghai: November
        all.add(GatewayAlertScript.raise("x1", "A0", AlertType.FIRE, Severity.CRITICAL, "g1", before)
                .accept(before.plusSeconds(10)).versions());
        Instant c1 = t("2026-12-10T00:00:00Z");
        all.add(GatewayAlertScript.raise("x3", "A1", AlertType.GAS_LEAK, Severity.CRITICAL, "g1", c1)
                .accept(c1.plusSeconds(5)).versions());
        return all;
    }

    private static String communityOf(String compound) {
        return "x3".equals(compound) ? "c2" : "c1";
    }

    /** Archives every version of every alert (shuffled, each twice) and the dark periods. */
    static void load(AlertArchive archive) throws SQLException {
        List<ArchivedAlert> versions = new ArrayList<>();
        for (List<JsonNode> alert : alerts()) {
            String compound = alert.get(0).at("/location/compound").asText();
            for (JsonNode v : alert) {
                versions.add(AlertVersionReader.read(new CompoundRef("s1", communityOf(compound), compound), v));
            }
        }
        versions.addAll(new ArrayList<>(versions));
        Collections.shuffle(versions, new Random(2026));
        for (int from = 0; from < versions.size(); from += 7) {
            archive.recordAll(versions.subList(from, Math.min(versions.size(), from + 7)));
        }
        // x1: dark across the start of the month (1 h of it in December) and 30 min on the 10th: 5,400 s
        archive.recordReachability("s1", "c1", "x1", false, t("2026-11-30T15:00:00Z"));
        archive.recordReachability("s1", "c1", "x1", true, t("2026-11-30T17:00:00Z"));
        archive.recordReachability("s1", "c1", "x1", false, t("2026-12-10T01:00:00Z"));
        archive.recordReachability("s1", "c1", "x1", true, t("2026-12-10T01:30:00Z"));
        // x2: dark since 00:00 on the 20th, still dark at NOW (02:00): 7,200 s
        archive.recordReachability("s1", "c1", "x2", false, t("2026-12-20T00:00:00Z"));
        // x3 is in another community
        archive.recordReachability("s1", "c2", "x3", false, t("2026-12-11T00:00:00Z"));
        archive.recordReachability("s1", "c2", "x3", true, t("2026-12-11T05:00:00Z"));
    }
}
