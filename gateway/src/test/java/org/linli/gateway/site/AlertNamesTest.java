package org.linli.gateway.site;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;
import org.linli.gateway.MutableClock;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertAction;
import org.linli.gateway.alert.AlertJson;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertStore;
import org.linli.gateway.alert.EscalationPolicy;
import org.linli.gateway.config.ConfigException;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.rules.HouseholdAway;
import org.linli.gateway.rules.ParentStatuses;
import org.linli.gateway.rules.RuleEngine;
import org.linli.gateway.source.Sources;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14 item 1: the alert JSON carries the site file's names, Chinese words and notes, and the compound's zone. */
class AlertNamesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:11:51Z"));   // 10:11:51 in Shanghai
    private final SiteConfig config = parse();
    private final SiteDirectory site = SiteDirectory.from(config);
    private final AlertService alerts = new AlertService(site, clock, EscalationPolicy.defaults(), AlertStore.NONE);
    private final RuleEngine engine = new RuleEngine(site, alerts, config.rules(), clock, id -> Optional.empty(),
            new ParentStatuses(new Sources()), new HouseholdAway(AlertStore.NONE, Map.of()));

    private static SiteConfig parse() {
        try {
            return SiteYaml.parse("", "");
        } catch (ConfigException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }

    private Alert alarm(String device) {
        engine.onEvent(site.device(device).orElseThrow(), new DeviceEvent(device, EventType.ALARM, clock.instant(),
                "/event=fire"));
        return alerts.list().stream().filter(a -> device.equals(a.deviceId())).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("a smoke alarm's JSON has the grid's and device type's names and a Chinese 说明, no decoder pointer")
    void namesAndWords() {
        // WHEN a smoke detector alarms with the decoder's raw code as its event detail
        JsonObject json = AlertJson.toJson(alarm("smoke-3-2-501"));
        // THEN a person reads names and Chinese next to the ids
        assertEquals("grid-1", json.getString("grid"));
        assertEquals("幸福里第一网格", json.getString("gridName"));
        assertEquals("烟雾报警器", json.getJsonObject("device").getString("typeLabel"));
        assertEquals("烟雾报警器检测到烟雾，发出火警", json.getString("detail"));
        assertEquals("Asia/Shanghai", json.getString("timeZone"));
        assertEquals("李娜", json.getJsonObject("holder").getString("name"));
        assertFalse(json.getBoolean("escalated"));
        // AND the gateway's history lines are by 系统, the dispatch note names the worker
        JsonObject dispatched = json.getJsonArray("history").getJsonObject(1);
        assertEquals("DISPATCHED", dispatched.getString("action"));
        assertEquals("系统", dispatched.getString("byName"));
        assertEquals("派单给 李娜", dispatched.getString("note"));
        assertFalse(json.encode().contains("/event="), json.encode());
    }

    @Test
    @DisplayName("a common area is shown by its site-file name")
    void areaName() {
        JsonObject location = AlertJson.toJson(alarm("gas-3-boiler")).getJsonObject("location");
        assertEquals("boiler-room", location.getString("area"));
        assertEquals("锅炉房", location.getString("areaName"));
        assertEquals("3号楼 锅炉房", location.getString("description"));
        assertEquals("燃气报警器", AlertJson.toJson(alarm("gas-3-boiler")).getJsonObject("device").getString("typeLabel"));
    }

    @Test
    @DisplayName("an escalation's note gives the missed deadline in local time and the leader's name; the JSON shows 已督办 and who has it")
    void escalationInChinese() {
        // GIVEN a fire in an elderly-living-alone flat (2 minutes to accept: deadline 10:13:51 in Shanghai)
        Alert raised = alarm("smoke-3-2-501");
        assertEquals(Instant.parse("2026-12-05T02:13:51Z"), raised.acceptBy());
        // WHEN nobody accepts it in time
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        Alert escalated = alerts.checkEscalations().get(0);
        JsonObject json = AlertJson.toJson(escalated);
        // THEN the timeline line is Chinese with the local deadline and the leader's name
        JsonObject line = json.getJsonArray("history").getJsonObject(2);
        assertEquals("ESCALATED", line.getString("action"));
        assertEquals("超时未接单（截止 10:13:51），升级给 赵强", line.getString("note"));
        // AND the alert says it is escalated and the leader has it now
        assertTrue(json.getBoolean("escalated"));
        assertEquals("赵强", json.getJsonObject("holder").getString("name"));
        // WHEN the worker accepts it THEN the line is by her name
        Alert accepted = alerts.act(escalated.id(), AlertAction.ACCEPTED, "lina", null, null);
        JsonObject acceptLine = AlertJson.toJson(accepted).getJsonArray("history").getJsonObject(3);
        assertEquals("李娜", acceptLine.getString("byName"));
        assertEquals("lina", acceptLine.getString("by"));
    }
}
