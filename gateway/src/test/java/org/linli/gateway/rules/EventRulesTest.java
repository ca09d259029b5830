package org.linli.gateway.rules;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.DeviceType;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.Quantity;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertState;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.site.Device;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventRulesTest {
    private final RuleFixture f = new RuleFixture();

    @Test
    @DisplayName("gas and smoke alarm events raise CRITICAL alerts, CRITICAL_VULNERABLE in an elderly-living-alone flat; alarm-cleared clears them")
    void lifeSafetyAlarms() {
        // GIVEN a gas alarm in an elderly-living-alone flat and a smoke detector in an ordinary flat
        // WHEN both alarm
        f.event("gas-3-2-501", EventType.ALARM);
        f.event("smoke-7-1-101", EventType.ALARM);
        // THEN the gas leak is the most urgent class, the fire is critical
        assertEquals(Severity.CRITICAL_VULNERABLE, f.of(AlertType.GAS_LEAK).get(0).severity());
        assertEquals(Severity.CRITICAL, f.of(AlertType.FIRE).get(0).severity());
        // WHEN the smoke detector clears THEN its alert is marked cleared by the device
        f.event("smoke-7-1-101", EventType.ALARM_CLEARED);
        assertEquals(AlertState.DEVICE_CLEARED, f.latestFor("smoke-7-1-101", AlertType.FIRE).get(0).state());
    }

    @Test
    @DisplayName("gas concentration raises at the alarm level and clears only below the clear level: no flapping between 10 and 20 %LEL")
    void gasHysteresis() {
        // GIVEN the default thresholds (alarm >= 20 %LEL, clear < 10 %LEL)
        // WHEN the concentration rises to 21, then wanders between 11 and 19.9 and back above 20
        for (double v : new double[]{5, 15, 21, 19.9, 12, 20.5, 11, 25, 10.0}) {
            f.clock.advance(Duration.ofSeconds(30));
            f.reading("gas-3-2-501", Quantity.GAS_LEL, v);
        }
        // THEN exactly one alert was raised and published once (no repeats, no clears while between the thresholds)
        List<Alert> versions = f.of(AlertType.GAS_LEAK);
        assertEquals(1, versions.size(), "one version: raised once, nothing while between 10 and 20");
        assertEquals(AlertState.OPEN, versions.get(0).state());
        assertTrue(versions.get(0).detail().contains("21.0"));
        // WHEN it drops below 10 THEN it clears, and a later rise raises a second alert
        f.reading("gas-3-2-501", Quantity.GAS_LEL, 9.9);
        assertEquals(AlertState.DEVICE_CLEARED, f.of(AlertType.GAS_LEAK).get(1).state());
        f.reading("gas-3-2-501", Quantity.GAS_LEL, 22);
        assertEquals(2, f.raised(AlertType.GAS_LEAK));
    }

    @Test
    @DisplayName("gas thresholds are per device profile: the model with alarm 25 / clear 12 ignores 22 %LEL and clears only below 12")
    void gasThresholdsPerProfile() {
        // GIVEN gas-3-2-502 uses profile test-gas-b (alarm 25, clear 12)
        // WHEN it reads 22 THEN nothing; 25 raises; 11.9 clears
        f.reading("gas-3-2-502", Quantity.GAS_LEL, 22);
        assertEquals(0, f.raised(AlertType.GAS_LEAK));
        f.reading("gas-3-2-502", Quantity.GAS_LEL, 25);
        assertEquals(Severity.CRITICAL, f.of(AlertType.GAS_LEAK).get(0).severity());
        f.reading("gas-3-2-502", Quantity.GAS_LEL, 12.0);
        assertEquals(1, f.of(AlertType.GAS_LEAK).size(), "12.0 is not below the clear level");
        f.reading("gas-3-2-502", Quantity.GAS_LEL, 11.9);
        assertEquals(AlertState.DEVICE_CLEARED, f.of(AlertType.GAS_LEAK).get(1).state());
    }

    @Test
    @DisplayName("a gas alarm event and a concentration crossing of the same leak make one alert (shared key); of the same "
            + "message (same device time) it counts once (issue 14)")
    void gasEventAndReadingShareOneAlert() {
        f.event("gas-3-2-501", EventType.ALARM);
        f.reading("gas-3-2-501", Quantity.GAS_LEL, 30);
        assertEquals(1, f.raised(AlertType.GAS_LEAK));
        assertEquals(1, f.latestFor("gas-3-2-501", AlertType.GAS_LEAK).get(0).count());
    }

    @Test
    @DisplayName("a heat meter's health events weigh as a meter's, not as a life-safety detector's: fault MINOR, low battery WARNING")
    void heatMeterWeighsAsAMeter() {
        // GIVEN a heat meter in building 7 (the rule sees the resolved device, as the pipeline hands it over)
        Device water = f.device("water-7-1-101");
        Device heat = new Device("heat-7", DeviceType.HEAT_METER, "cjt188-standard", "serial", water.location(), water.grid());
        DeviceHealthRule rule = new DeviceHealthRule(f.alerts);
        // WHEN it reports a fault and a low battery
        rule.onEvent(heat, new DeviceEvent("heat-7", EventType.FAULT, f.clock.instant()));
        rule.onEvent(heat, new DeviceEvent("heat-7", EventType.LOW_BATTERY, f.clock.instant()));
        // THEN the alerts carry a meter's severities
        assertEquals(Severity.MINOR, f.latestFor("heat-7", AlertType.DEVICE_FAULT).get(0).severity());
        assertEquals(Severity.WARNING, f.latestFor("heat-7", AlertType.LOW_BATTERY).get(0).severity());
    }

    @Test
    @DisplayName("fault, low battery, tamper/removed and sensor end-of-life become alerts; detectors weigh more than water meters; fault-cleared clears")
    void deviceHealth() {
        // WHEN the smoke detector reports each health event, and the water meter a fault and a tamper
        f.event("smoke-7-1-101", EventType.FAULT);
        f.event("smoke-7-1-101", EventType.LOW_BATTERY);
        f.event("smoke-7-1-101", EventType.TAMPER);
        f.event("gas-3-2-501", EventType.SENSOR_END_OF_LIFE);
        f.event("water-7-1-101", EventType.FAULT);
        f.event("water-7-1-101", EventType.TAMPER);
        f.event("water-7-1-101", EventType.LOW_BATTERY);
        // THEN each has its type and severity
        assertEquals(Severity.MAJOR, f.latestFor("smoke-7-1-101", AlertType.DEVICE_FAULT).get(0).severity());
        assertEquals(Severity.MINOR, f.latestFor("smoke-7-1-101", AlertType.LOW_BATTERY).get(0).severity());
        assertEquals(Severity.MAJOR, f.latestFor("smoke-7-1-101", AlertType.DEVICE_TAMPER).get(0).severity());
        assertEquals(Severity.MAJOR, f.latestFor("gas-3-2-501", AlertType.SENSOR_END_OF_LIFE).get(0).severity());
        assertEquals(Severity.MINOR, f.latestFor("water-7-1-101", AlertType.DEVICE_FAULT).get(0).severity());
        assertEquals(Severity.MINOR, f.latestFor("water-7-1-101", AlertType.DEVICE_TAMPER).get(0).severity());
        assertEquals(Severity.WARNING, f.latestFor("water-7-1-101", AlertType.LOW_BATTERY).get(0).severity());
        // WHEN the detector's fault clears THEN its fault alert is marked cleared; a repeat low battery only counts
        f.event("smoke-7-1-101", EventType.FAULT_CLEARED);
        assertEquals(AlertState.DEVICE_CLEARED, f.latestFor("smoke-7-1-101", AlertType.DEVICE_FAULT).get(0).state());
        f.clock.advance(java.time.Duration.ofMinutes(1));   // a later report: a repeat (the same message would not count)
        f.event("smoke-7-1-101", EventType.LOW_BATTERY);
        assertEquals(2, f.latestFor("smoke-7-1-101", AlertType.LOW_BATTERY).get(0).count());
        // and heartbeats raise nothing
        int before = f.published.size();
        f.event("smoke-7-1-101", EventType.HEARTBEAT);
        assertEquals(before, f.published.size());
    }
}
