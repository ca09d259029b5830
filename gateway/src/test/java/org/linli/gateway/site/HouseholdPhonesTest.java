package org.linli.gateway.site;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;
import org.linli.gateway.MutableClock;
import org.linli.gateway.alert.Alert;
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

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14 item 2: a household's own phones in the site file, checked, carried by its alerts first in the call order. */
class HouseholdPhonesTest {

    private static Alert fireAt(SiteConfig config, String flat) {
        SiteDirectory site = SiteDirectory.from(config);
        MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:00:00Z"));
        AlertService alerts = new AlertService(site, clock, EscalationPolicy.defaults(), AlertStore.NONE);
        RuleEngine engine = new RuleEngine(site, alerts, config.rules(), clock, id -> Optional.empty(),
                new ParentStatuses(new Sources()), new HouseholdAway(AlertStore.NONE, Map.of()));
        String id = "smoke-" + flat;
        engine.onEvent(site.device(id).orElseThrow(), new DeviceEvent(id, EventType.ALARM, clock.instant()));
        return alerts.list().get(0);
    }

    @Test
    @DisplayName("the resident's phones come first in the alert's contacts and JSON, then the family with Chinese relations")
    void residentFirst() throws ConfigException {
        // GIVEN a flat whose resident has two phones and two family contacts written with English relations
        SiteConfig config = SiteYaml.parse("\"13800000011\", \"+86 138-0000-0012\"", "");
        // WHEN its smoke detector alarms
        Alert a = fireAt(config, "3-2-501");
        JsonObject json = AlertJson.toJson(a);
        // THEN the resident's phones lead the call order, marked as the resident's
        JsonArray contacts = json.getJsonArray("contacts");
        assertEquals(4, contacts.size(), contacts.encode());
        assertEquals("13800000011", contacts.getJsonObject(0).getString("phone"));
        assertTrue(contacts.getJsonObject(0).getBoolean("resident"));
        assertEquals("本人", contacts.getJsonObject(0).getString("relationLabel"));
        assertEquals("+86 138-0000-0012", contacts.getJsonObject(1).getString("phone"));
        assertEquals(new JsonArray().add("13800000011").add("+86 138-0000-0012"), json.getJsonArray("residentPhones"));
        // AND the family follows, with their relations in Chinese
        assertEquals("王芳", contacts.getJsonObject(2).getString("name"));
        assertEquals("女儿", contacts.getJsonObject(2).getString("relationLabel"));
        assertEquals("邻居 (3-2-502)", contacts.getJsonObject(3).getString("relationLabel"));
    }

    @Test
    @DisplayName("a flat without phones of its own has only its family contacts")
    void noPhones() throws ConfigException {
        Alert a = fireAt(SiteYaml.parse("", ""), "3-2-501");
        assertEquals(2, a.contacts().size());
        assertTrue(AlertJson.toJson(a).getJsonArray("residentPhones").isEmpty());
    }

    @Test
    @DisplayName("a household phone that is not a phone number is refused with its place in the file")
    void badPhoneRefused() {
        // GIVEN a phone written as a name WHEN the site file is loaded THEN it is refused, saying where and how to write it
        ConfigException e = assertThrows(ConfigException.class, () -> SiteYaml.parse("\"13800000011\", 王芳手机", ""));
        String problems = String.join("\n", e.problems());
        assertTrue(problems.contains("site.buildings[0].units[0].households[0].phones[1]"), problems);
        assertTrue(problems.contains("'王芳手机' is not a phone number"), problems);
    }
}
