package org.linli.gateway.rules;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.EventType;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertState;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeartbeatRuleTest {
    private final RuleFixture f = new RuleFixture();

    private Set<String> offline() {
        return f.alerts.list().stream().filter(a -> a.type() == AlertType.DEVICE_OFFLINE && a.state() == AlertState.OPEN)
                .map(Alert::deviceId).collect(Collectors.toSet());
    }

    private void allReport() {
        for (String id : new String[]{"gas-3-2-501", "gas-3-2-502", "smoke-7-1-101", "water-3-2-501", "water-7-1-101",
                "water-7-1-102"}) {
            f.event(id, EventType.HEARTBEAT);
        }
    }

    @Test
    @DisplayName("a device silent for its type's interval x missed is offline (gas 10 min x 3); other types wait their own limit; it clears when heard again")
    void offlinePerDeviceType() {
        // GIVEN every device reported at t0
        allReport();
        // WHEN 31 minutes pass with only the water meters and the smoke detector reporting
        f.clock.advance(Duration.ofMinutes(31));
        f.event("water-3-2-501", EventType.HEARTBEAT);
        f.event("water-7-1-101", EventType.HEARTBEAT);
        f.event("water-7-1-102", EventType.HEARTBEAT);
        f.engine.check();
        // THEN both gas alarms (limit 30 min) are offline, the smoke detector (limit 2 h) is not
        assertEquals(Set.of("gas-3-2-501", "gas-3-2-502"), offline());
        assertEquals(Severity.MAJOR, f.latestFor("gas-3-2-501", AlertType.DEVICE_OFFLINE).get(0).severity());
        // WHEN checked again THEN nothing new is published (one alert per silence, not one per check)
        int before = f.published.size();
        f.engine.check();
        assertEquals(before, f.published.size());
        // WHEN one gas alarm speaks again THEN its alert clears at the next check
        f.event("gas-3-2-501", EventType.HEARTBEAT);
        f.engine.check();
        assertEquals(Set.of("gas-3-2-502"), offline());
        // WHEN 2 h 1 min have passed since t0 THEN the smoke detector is offline too
        f.clock.advance(Duration.ofMinutes(90));
        f.engine.check();
        assertTrue(offline().contains("smoke-7-1-101"));
    }

    @Test
    @DisplayName("after a restart, restored offline alerts stay while the device is silent and are cleared once it is heard again")
    void restoredOfflineAlertsClear() {
        // GIVEN both gas alarms silent past their limit and reported offline
        allReport();
        f.clock.advance(Duration.ofMinutes(31));
        f.engine.check();
        assertEquals(Set.of("gas-3-2-501", "gas-3-2-502"), offline());
        // WHEN the gateway restarts: a new rule engine over the alerts the store gave back
        f.clock.advance(Duration.ofMinutes(5));
        RuleEngine restarted = new RuleEngine(f.site, f.alerts, f.config.rules(), f.clock, f.activity::lastSeen,
                f.parents, f.away);
        // AND one of them is heard again while the other stays silent
        f.clock.advance(Duration.ofMinutes(1));
        f.event("gas-3-2-501", EventType.HEARTBEAT);
        restarted.check();
        // THEN the one heard is cleared by the new engine; the silent one is still offline (not cleared by the
        // grace every device gets at start), and no second alert was raised for it
        assertEquals(Set.of("gas-3-2-502"), offline());
        assertEquals(AlertState.DEVICE_CLEARED, f.latestFor("gas-3-2-501", AlertType.DEVICE_OFFLINE).get(0).state());
        f.clock.advance(Duration.ofMinutes(40));
        restarted.check();
        assertEquals(1, f.latestFor("gas-3-2-502", AlertType.DEVICE_OFFLINE).size());
        assertEquals(1, f.latestFor("gas-3-2-502", AlertType.DEVICE_OFFLINE).get(0).count());
    }

    @Test
    @DisplayName("with the MQTT connection down no MQTT device is reported offline, however long; after it returns each gets a full interval again")
    void mqttDownSuppressesPerDeviceOffline() {
        // GIVEN every device reported, then the broker connection drops
        allReport();
        f.mqttUp = false;
        // WHEN five hours pass with checks every minute, while the serial meter keeps reporting
        for (int i = 0; i < 300; i++) {
            f.clock.advance(Duration.ofMinutes(1));
            f.event("water-7-1-102", EventType.HEARTBEAT);
            f.engine.check();
        }
        // THEN no per-device offline alert at all
        assertEquals(0, f.raised(AlertType.DEVICE_OFFLINE));
        // WHEN the connection is back and the devices get 29 minutes THEN still none (silence counts from the return)
        f.mqttUp = true;
        f.clock.advance(Duration.ofMinutes(29));
        f.event("water-7-1-102", EventType.HEARTBEAT);
        f.engine.check();
        assertEquals(0, f.raised(AlertType.DEVICE_OFFLINE));
        // WHEN 31 minutes after the return the gas alarms are still silent THEN they are offline (the broker is fine)
        f.clock.advance(Duration.ofMinutes(2));
        f.engine.check();
        assertEquals(Set.of("gas-3-2-501", "gas-3-2-502"), offline());
    }

    @Test
    @DisplayName("a serial bus that is down suppresses the offline alerts of its meters only; MQTT devices are still watched")
    void serialBusDownSuppressesItsMetersOnly() {
        // GIVEN every device reported, then the serial bus fails
        allReport();
        f.serialBusUp = false;
        // WHEN two hours pass in silence
        for (int i = 0; i < 12; i++) {
            f.clock.advance(Duration.ofMinutes(10));
            f.engine.check();
        }
        // THEN every MQTT device past its limit is offline, and the meter on the failed bus is not
        assertEquals(Set.of("gas-3-2-501", "gas-3-2-502", "water-3-2-501", "water-7-1-101"), offline());
    }
}
