package org.linli.archive.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated district for the benchmark: {@code compounds} compounds, 9 to a community, 8 communities to a street,
 * and for each compound and week its alerts, each carried through the workflow as the versions the gateway publishes
 * (the same fields as gateway {@code AlertJson}, ~1.3 KB each): raised and dispatched, sometimes escalated once or
 * twice, accepted, on site, resolved (some as false alarms) or dismissed, verified. Deterministic for a seed. Used on
 * the generating thread only.
 */
final class SyntheticDistrict {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TYPES = {"GAS_LEAK", "FIRE", "DEVICE_OFFLINE", "LOW_BATTERY", "WATER_CONTINUOUS_FLOW",
            "DEVICE_FAULT", "WATER_INACTIVITY", "CAMERA_OFFLINE"};
    private static final String[] SEVERITIES = {"CRITICAL", "CRITICAL", "MAJOR", "MINOR", "MAJOR", "MAJOR", "MAJOR", "MAJOR"};

    /** One version to archive, with where it comes from. */
    record Version(String street, String community, String compound, ObjectNode json) {
    }

    private final int compounds;
    private final SplittableRandom random;

    SyntheticDistrict(int compounds, long seed) {
        this.compounds = compounds;
        this.random = new SplittableRandom(seed);
    }

    static String compoundId(int i) {
        return "x" + i;
    }

    static String communityId(int i) {
        return "c" + (i / 9);
    }

    static String streetId(int i) {
        return "s" + (i / 72);
    }

    int compounds() {
        return compounds;
    }

    /** All versions of the alerts raised in [from, from + seconds), {@code perCompound} alerts per compound on average. */
    List<Version> window(Instant from, long seconds, double perCompound) {
        List<Version> out = new ArrayList<>();
        for (int c = 0; c < compounds; c++) {
            int n = (int) perCompound + (random.nextDouble() < perCompound - (int) perCompound ? 1 : 0);
            for (int k = 0; k < n; k++) {
                Instant raised = from.plusSeconds(random.nextLong(seconds));
                String id = "A" + random.nextInt(1_000_000) + "-" + Long.toString(raised.toEpochMilli(), 36);
                alert(c, id, raised, out);
            }
        }
        return out;
    }

    private void alert(int c, String id, Instant raised, List<Version> out) {
        int t = random.nextInt(TYPES.length);
        ObjectNode a = base(c, id, TYPES[t], SEVERITIES[t], raised);
        ArrayNode history = (ArrayNode) a.get("history");
        line(history, raised, "RAISED", null, "OPEN", "system", null);
        line(history, raised, "DISPATCHED", "OPEN", "OPEN", "system", null);
        emit(c, a, 1, "OPEN", out);
        long at = 0;
        int escalations = random.nextDouble() < 0.15 ? (random.nextDouble() < 0.3 ? 2 : 1) : 0;
        for (int e = 1; e <= escalations; e++) {
            at += 300;
            line(history, raised.plusSeconds(at), "ESCALATED", "OPEN", "OPEN", "system", null);
            a.put("escalationLevel", e).put("escalated", true);
            emit(c, a, (int) a.get("version").asLong() + 1, "OPEN", out);
        }
        at += 20 + random.nextInt(600);
        line(history, raised.plusSeconds(at), "ACCEPTED", "OPEN", "ACCEPTED", "li", null);
        emit(c, a, a.get("version").asInt() + 1, "ACCEPTED", out);
        if (random.nextDouble() < 0.1) {
            at += 60 + random.nextInt(600);
            a.put("outcome", "FALSE_ALARM_TEST");
            line(history, raised.plusSeconds(at), "DISMISSED", "ACCEPTED", "DISMISSED", "li", "FALSE_ALARM_TEST");
            emit(c, a, a.get("version").asInt() + 1, "DISMISSED", out);
            return;
        }
        at += 300 + random.nextInt(1500);
        line(history, raised.plusSeconds(at), "ON_SITE", "ACCEPTED", "ON_SITE", "li", null);
        emit(c, a, a.get("version").asInt() + 1, "ON_SITE", out);
        at += 300 + random.nextInt(3600);
        String outcome = random.nextDouble() < 0.25 ? "FALSE_ALARM_COOKING" : "REAL_INCIDENT";
        a.put("outcome", outcome);
        line(history, raised.plusSeconds(at), "RESOLVED", "ON_SITE", "RESOLVED", "li", outcome);
        emit(c, a, a.get("version").asInt() + 1, "RESOLVED", out);
        at += 600 + random.nextInt(7200);
        line(history, raised.plusSeconds(at), "VERIFIED", "RESOLVED", "CLOSED", "duty", null);
        emit(c, a, a.get("version").asInt() + 1, "CLOSED", out);
    }

    private static void emit(int c, ObjectNode a, int version, String state, List<Version> out) {
        a.put("version", version).put("state", state);
        out.add(new Version(streetId(c), communityId(c), compoundId(c), a.deepCopy()));
    }

    private static void line(ArrayNode history, Instant at, String action, String from, String to, String by, String outcome) {
        history.addObject().put("at", at.toString()).put("action", action).put("from", from).put("to", to)
                .put("by", by).put("byName", "system".equals(by) ? "系统" : "李娜").put("outcome", outcome)
                .put("note", "ESCALATED".equals(action) ? "超时未接单（截止 10:13:51），升级给 赵强" : "");
    }

    private ObjectNode base(int c, String id, String type, String severity, Instant raised) {
        int building = 1 + random.nextInt(12);
        ObjectNode a = JSON.createObjectNode();
        a.put("id", id).put("version", 1).put("type", type).put("title", "燃气泄漏报警").put("titleEn", "Gas alarm")
                .put("severity", severity).put("state", "OPEN");
        a.putObject("device").put("id", "gas-" + building + "-2-501").put("type", "gas_alarm").put("typeLabel", "燃气报警器");
        a.putObject("location").put("compound", compoundId(c)).put("building", building).put("unit", 2)
                .put("household", building + "-2-501").putNull("area").putNull("areaName")
                .put("text", building + "-2-501").put("description", building + "号楼2单元501室");
        a.putArray("care").add("elderly_living_alone");
        a.putArray("careLabels").add("独居老人");
        a.put("elderlyLivingAlone", true);
        ArrayNode contacts = a.putArray("contacts");
        contacts.addObject().put("name", "王秀英").put("relation", "resident").put("relationLabel", "本人")
                .put("resident", true).put("phone", "13800000011");
        contacts.addObject().put("name", "王强").put("relation", "son").put("relationLabel", "儿子")
                .put("resident", false).put("phone", "13900000012");
        a.putArray("residentPhones").add("13800000011");
        a.put("grid", "g" + (building % 3)).put("gridName", "第" + (building % 3 + 1) + "网格");
        a.putObject("gridWorker").put("id", "li").put("name", "李娜").put("phone", "13800000001");
        a.putObject("gridLeader").put("id", "zhao").put("name", "赵强").put("phone", "13800000002");
        a.put("nextStep", "立即电话联系住户，无人接听即上门").put("raisedAt", raised.toString())
                .put("lastSeenAt", raised.toString()).put("count", 1).put("detail", "燃气浓度 35 %LEL");
        a.putArray("evidence");
        a.putObject("assignee").put("id", "li").put("name", "李娜").put("phone", "13800000001");
        a.put("escalationLevel", 0).putNull("escalatedTo").put("escalated", false).putNull("holder")
                .putNull("outcome").putNull("acceptBy").put("timeZone", "Asia/Shanghai");
        a.putArray("history");
        return a;
    }
}
