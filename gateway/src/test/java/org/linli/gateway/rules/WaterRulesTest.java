package org.linli.gateway.rules;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertState;
import org.linli.gateway.alert.AlertStore;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaterRulesTest {
    private final RuleFixture f = new RuleFixture();
    private final java.util.Map<String, Double> totals = new java.util.HashMap<>();

    /** Every 15 minutes for {@code steps}: each listed meter reports its total after using {@code use} m³. */
    private void run(int steps, double use, boolean check, String... meters) {
        for (int i = 0; i < steps; i++) {
            f.clock.advance(Duration.ofMinutes(15));
            for (String m : meters) {
                double t = totals.merge(m, use, Double::sum);
                f.reading(m, Quantity.WATER_TOTAL_M3, t);
            }
            if (check) {
                f.engine.check();
            }
        }
    }

    private void start(String... meters) {
        for (String m : meters) {
            totals.put(m, 100.0);
            f.reading(m, Quantity.WATER_TOTAL_M3, 100.0);
        }
    }

    @Test
    @DisplayName("water used in every 30-minute slot for 24 h raises a suspected leak, not a slot earlier; a dry slot then clears it")
    void continuousFlow() {
        // GIVEN a meter reporting every 15 minutes with 2 L used between readings
        start("water-7-1-101");
        // WHEN 23 h 45 min have passed (the last of the 48 slots is not complete) THEN nothing yet
        run(95, 0.002, false, "water-7-1-101");
        assertEquals(0, f.raised(AlertType.WATER_CONTINUOUS_FLOW));
        // WHEN the 48th slot completes at 24 h THEN the leak alert is raised, once, however long it goes on
        run(1, 0.002, false, "water-7-1-101");
        assertEquals(1, f.of(AlertType.WATER_CONTINUOUS_FLOW).size());
        run(6, 0.002, false, "water-7-1-101");
        assertEquals(1, f.of(AlertType.WATER_CONTINUOUS_FLOW).size());
        assertEquals(Severity.MAJOR, f.of(AlertType.WATER_CONTINUOUS_FLOW).get(0).severity());
        // WHEN a whole slot passes with no use THEN it clears
        run(3, 0.0, false, "water-7-1-101");
        assertEquals(AlertState.DEVICE_CLEARED, f.latestFor("water-7-1-101", AlertType.WATER_CONTINUOUS_FLOW).get(0).state());
    }

    @Test
    @DisplayName("one dry half hour in the day means no continuous-flow alert")
    void oneDrySlotNoLeak() {
        start("water-7-1-101");
        run(40, 0.002, false, "water-7-1-101");
        run(2, 0.0, false, "water-7-1-101");
        run(60, 0.002, false, "water-7-1-101");
        assertEquals(0, f.raised(AlertType.WATER_CONTINUOUS_FLOW));
    }

    @Test
    @DisplayName("more than the household's daily limit in 24 h raises abnormal use (1 m³ override for 7-1-101, 2 m³ default elsewhere); it clears when the day rolls past")
    void highDailyUse() {
        // GIVEN two meters, 7-1-101 with a 1.0 m³/day override and 3-2-501 on the 2.0 m³ default
        start("water-7-1-101", "water-3-2-501");
        run(4, 0.01, false, "water-7-1-101", "water-3-2-501");
        // WHEN both use 1.2 m³ in a quarter hour
        run(1, 1.2, false, "water-7-1-101", "water-3-2-501");
        // THEN only the household with the lower limit is alerted
        assertEquals(1, f.raised(AlertType.WATER_HIGH_USE));
        assertEquals("water-7-1-101", f.of(AlertType.WATER_HIGH_USE).get(0).deviceId());
        assertTrue(f.of(AlertType.WATER_HIGH_USE).get(0).detail().contains("1.000"));
        // WHEN 24 h pass with little use THEN the alert clears
        run(97, 0.001, false, "water-7-1-101");
        assertEquals(AlertState.DEVICE_CLEARED, f.latestFor("water-7-1-101", AlertType.WATER_HIGH_USE).get(0).state());
    }

    @Test
    @DisplayName("elderly living alone: < 0.01 m³ in 12 h is a WARNING, in 24 h an alarm; water use clears both; ordinary flats are never checked")
    void inactivityTwoTiers() {
        // GIVEN the elderly flat's meter and an ordinary flat's meter, both showing no use
        start("water-3-2-501", "water-7-1-101");
        // WHEN 11 h 45 min pass THEN nothing
        run(47, 0.0, true, "water-3-2-501", "water-7-1-101");
        assertEquals(0, f.raised(AlertType.WATER_INACTIVITY_WARNING));
        // WHEN 12 h pass THEN a warning for the elderly flat only, with its family contact
        run(1, 0.0, true, "water-3-2-501", "water-7-1-101");
        assertEquals(1, f.of(AlertType.WATER_INACTIVITY_WARNING).size());
        assertEquals(Severity.WARNING, f.of(AlertType.WATER_INACTIVITY_WARNING).get(0).severity());
        assertEquals("3-2-501", f.of(AlertType.WATER_INACTIVITY_WARNING).get(0).location().toString());
        assertEquals("13800000001", f.of(AlertType.WATER_INACTIVITY_WARNING).get(0).contacts().get(0).phone());
        // WHEN 24 h pass THEN the alarm tier, once
        run(48, 0.0, true, "water-3-2-501", "water-7-1-101");
        assertEquals(1, f.of(AlertType.WATER_INACTIVITY).size());
        assertEquals(Severity.MAJOR, f.of(AlertType.WATER_INACTIVITY).get(0).severity());
        // WHEN the resident uses water THEN both clear
        run(1, 0.02, true, "water-3-2-501");
        assertEquals(AlertState.DEVICE_CLEARED, f.latestFor("water-3-2-501", AlertType.WATER_INACTIVITY_WARNING).get(0).state());
        assertEquals(AlertState.DEVICE_CLEARED, f.latestFor("water-3-2-501", AlertType.WATER_INACTIVITY).get(0).state());
    }

    @Test
    @DisplayName("after a restart, a restored inactivity alarm is cleared as soon as the resident uses water, without a full window of new history")
    void restoredInactivityClears() {
        // GIVEN the elderly flat raised both inactivity tiers
        start("water-3-2-501");
        run(97, 0.0, true, "water-3-2-501");
        assertEquals(1, f.raised(AlertType.WATER_INACTIVITY));
        // WHEN the gateway restarts (a new engine, empty water histories, the alerts given back by the store)
        RuleEngine restarted = new RuleEngine(f.site, f.alerts, f.config.rules(), f.clock, f.activity::lastSeen,
                f.parents, f.away);
        // AND within the next half hour the meter shows 20 L used
        for (double total : new double[]{totals.get("water-3-2-501"), totals.get("water-3-2-501") + 0.02}) {
            f.clock.advance(Duration.ofMinutes(15));
            restarted.onReadings(f.device("water-3-2-501"), List.of(new Reading("water-3-2-501", Quantity.WATER_TOTAL_M3,
                    total, f.clock.instant())));
        }
        restarted.check();
        // THEN both restored alerts are cleared by the new engine
        assertEquals(AlertState.DEVICE_CLEARED, f.latestFor("water-3-2-501", AlertType.WATER_INACTIVITY_WARNING).get(0).state());
        assertEquals(AlertState.DEVICE_CLEARED, f.latestFor("water-3-2-501", AlertType.WATER_INACTIVITY).get(0).state());
    }

    @Test
    @DisplayName("after a restart the inactivity rule has its history back from the store: the warning comes 12 h after the last use, not 12 h after the restart")
    void inactivityHistorySurvivesRestart() {
        // GIVEN a store keeping the elderly flat's meter samples
        Map<String, List<AlertStore.WaterSample>> saved = new HashMap<>();
        AlertStore store = new AlertStore() {
            @Override
            public void save(Alert alert, String key, boolean keyOpen) {
            }

            @Override
            public void saveAway(String household, Instant until) {
            }

            @Override
            public void saveWaterSample(String meter, Instant at, double totalM3) {
                saved.computeIfAbsent(meter, m -> new ArrayList<>()).add(new AlertStore.WaterSample(at, totalM3));
            }
        };
        f.engine.keepWaterHistory(store, Map.of());
        start("water-3-2-501");
        // WHEN 10 hours pass without water use, and then the gateway restarts with what the store kept
        run(40, 0.0, true, "water-3-2-501");
        assertEquals(0, f.raised(AlertType.WATER_INACTIVITY_WARNING));
        assertTrue(saved.get("water-3-2-501").size() >= 40, "a sample every 15 minutes: " + saved.get("water-3-2-501").size());
        RuleEngine restarted = new RuleEngine(f.site, f.alerts, f.config.rules(), f.clock, f.activity::lastSeen,
                f.parents, f.away);
        restarted.keepWaterHistory(AlertStore.NONE, saved);
        // AND two more hours pass without use
        for (int i = 0; i < 8; i++) {
            f.clock.advance(Duration.ofMinutes(15));
            restarted.onReadings(f.device("water-3-2-501"), List.of(new Reading("water-3-2-501",
                    Quantity.WATER_TOTAL_M3, totals.get("water-3-2-501"), f.clock.instant())));
            restarted.check();
        }
        // THEN the warning is raised 12 h after the last use, as without the restart
        assertEquals(1, f.raised(AlertType.WATER_INACTIVITY_WARNING));
    }

    @Test
    @DisplayName("an away-until flag suppresses inactivity while away and for a full window after the return")
    void awayFlagSuppresses() {
        // GIVEN the resident is away until t0 + 20 h and no water is used
        Instant t0 = f.clock.instant();
        f.away.set("3-2-501", t0.plus(Duration.ofHours(20)));
        start("water-3-2-501");
        // WHEN 31 h pass (the 24 h window still covers the time away) THEN nothing
        run(124, 0.0, true, "water-3-2-501");
        assertEquals(0, f.raised(AlertType.WATER_INACTIVITY_WARNING));
        assertEquals(0, f.raised(AlertType.WATER_INACTIVITY));
        // WHEN 12 h have passed since the return THEN the warning comes
        run(4, 0.0, true, "water-3-2-501");
        assertEquals(1, f.raised(AlertType.WATER_INACTIVITY_WARNING));
        assertEquals(0, f.raised(AlertType.WATER_INACTIVITY));
    }
}
