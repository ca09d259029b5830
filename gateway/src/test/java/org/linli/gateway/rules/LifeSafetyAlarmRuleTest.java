package org.linli.gateway.rules;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;
import org.linli.gateway.MutableClock;
import org.linli.gateway.TestSites;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertState;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.SiteDirectory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gas and smoke alarm rule wired to a real alert service on the small test compound. */
class LifeSafetyAlarmRuleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"));
    private final SiteDirectory site = SiteDirectory.from(TestSites.small());
    private final AlertService service = new AlertService(site, clock);
    private final LifeSafetyAlarmRule rule = new LifeSafetyAlarmRule(site, service);
    private final List<Alert> published = new ArrayList<>();

    {
        service.addListener((a, isNew) -> published.add(a));
    }

    private void event(String device, EventType type) {
        rule.onEvent(site.device(device).orElseThrow(), new DeviceEvent(device, type, clock.instant()));
    }

    @Test
    @DisplayName("a gas alarm in an elderly-living-alone flat is the most urgent class and names place, flag, contacts and grid worker")
    void gasAlarmElderlyAlone() {
        event("gas-3-2-501", EventType.ALARM);
        Alert a = published.get(0);
        assertEquals(AlertType.GAS_LEAK, a.type());
        assertEquals(Severity.CRITICAL_VULNERABLE, a.severity());
        assertEquals("3-2-501", a.location().toString());
        assertTrue(a.care().contains(CareFlag.ELDERLY_LIVING_ALONE));
        assertEquals("13800000001", a.contacts().get(0).phone());
        assertEquals("李娜", a.gridWorker().name());
        assertEquals("赵强", a.gridLeader().name());
    }

    @Test
    @DisplayName("a smoke alarm in an ordinary flat is critical and routed to that building's grid worker")
    void fireOrdinary() {
        event("smoke-7-1-101", EventType.ALARM);
        Alert a = published.get(0);
        assertEquals(AlertType.FIRE, a.type());
        assertEquals(Severity.CRITICAL, a.severity());
        assertEquals("陈静", a.gridWorker().name());
    }

    @Test
    @DisplayName("repeats update the one open alert (count, last seen); a clear marks it; a new alarm then opens a new one")
    void dedupeAndClear() {
        event("gas-3-2-502", EventType.ALARM);
        clock.advance(Duration.ofSeconds(30));
        event("gas-3-2-502", EventType.ALARM);
        assertEquals(1, service.list().size());
        Alert repeated = service.list().get(0);
        assertEquals(2, repeated.count());
        assertEquals(clock.instant(), repeated.lastSeenAt());
        event("gas-3-2-502", EventType.ALARM_CLEARED);
        assertEquals(AlertState.DEVICE_CLEARED, service.get(repeated.id()).orElseThrow().state());
        event("gas-3-2-502", EventType.ALARM);
        assertEquals(2, service.list().size());
        assertEquals(4, published.size());
    }

    @Test
    @DisplayName("events that are not life-safety alarms (heartbeat, water meter) raise no basic alert")
    void nonAlarmsIgnored() {
        event("gas-3-2-501", EventType.HEARTBEAT);
        event("water-7-1-101", EventType.ALARM);
        assertFalse(published.stream().findAny().isPresent());
    }

}
