package org.linli.gateway.alert;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.MutableClock;
import org.linli.gateway.TestSites;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up warm-up of the alert path ({@link AlertPathWarmUp}): it builds sample alerts with the code that
 * raises them and encodes them, and leaves the alert service as it found it: no alert, no listener called, nothing
 * stored, no id used up.
 */
class AlertPathWarmUpTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T02:00:00Z"));

    /** Records what the alert service asked the store to save. */
    private static final class RecordingStore implements AlertStore {
        final List<String> saved = new ArrayList<>();

        @Override
        public void save(Alert alert, String key, boolean keyOpen) {
            saved.add(alert.id());
        }

        @Override
        public void saveAway(String household, Instant until) {
            saved.add("away " + household);
        }
    }

    @Test
    @DisplayName("the warm-up builds and encodes a sample alert of every type, and raises, stores, announces and "
            + "numbers nothing")
    void warmsWithoutRecording() {
        // GIVEN the alert service of the small test site, with a store and a listener that record every call
        SiteDirectory site = SiteDirectory.from(TestSites.small());
        RecordingStore store = new RecordingStore();
        AlertService alerts = new AlertService(site, clock, EscalationPolicy.defaults(), store);
        List<String> announced = new ArrayList<>();
        alerts.addListener((a, isNew) -> announced.add(a.id()));

        // WHEN the warm-up runs
        AlertPathWarmUp.Result r = new AlertPathWarmUp(site, alerts).run();

        // THEN it built and encoded sample alerts, one of every type at least (the first round always runs to its end)
        assertTrue(r.alerts() >= AlertType.values().length, r.toString());
        assertTrue(r.alerts() <= AlertType.values().length * AlertPathWarmUp.ROUNDS, r.toString());
        // AND no alert exists, no listener heard of one and the store saved nothing
        assertEquals(List.of(), alerts.list());
        assertEquals(List.of(), announced);
        assertEquals(List.of(), store.saved);
        // AND the first real alert is still the first: A1
        Device gas = site.device("gas-3-2-501").orElseThrow();
        Alert first = alerts.raise(new AlertRequest(AlertKey.device(gas.id(), AlertType.GAS_LEAK), AlertType.GAS_LEAK,
                Severity.CRITICAL_VULNERABLE, gas.location(), gas, "LEL 35%"));
        assertTrue(first.id().startsWith("A1-"), first.id());
        assertEquals(List.of(first.id()), announced);
    }

    @Test
    @DisplayName("a sample alert is routed, dispatched and named as the raised alert of the same request is")
    void sampleIsWhatRaiseBuilds() {
        // GIVEN a gas alarm request for a household's device
        SiteDirectory site = SiteDirectory.from(TestSites.small());
        AlertService alerts = new AlertService(site, clock);
        Device gas = site.device("gas-3-2-501").orElseThrow();
        AlertRequest request = new AlertRequest(AlertKey.device(gas.id(), AlertType.GAS_LEAK), AlertType.GAS_LEAK,
                Severity.CRITICAL_VULNERABLE, gas.location(), gas, "LEL 35%");

        // WHEN it is sampled, then raised
        Alert sample = alerts.sample(request);
        Alert raised = alerts.raise(request);

        // THEN both carry the same grid, people, contacts, care labels, names, deadline and history
        assertEquals("W0-warm-up", sample.id());
        assertEquals(raised.gridId(), sample.gridId());
        assertEquals(raised.assignee(), sample.assignee());
        assertEquals(raised.contacts(), sample.contacts());
        assertEquals(raised.care(), sample.care());
        assertEquals(raised.names(), sample.names());
        assertEquals(raised.acceptBy(), sample.acceptBy());
        assertEquals(raised.history(), sample.history());
        assertEquals(AlertJson.toJson(raised).put("id", "W0-warm-up"), AlertJson.toJson(sample));
    }

    @Test
    @DisplayName("a site without devices gets no warm-up of the alert path, and no failure")
    void noDevicesNothingToWarm() {
        // GIVEN a site with no devices
        SiteConfig empty = TestSites.small().withDevices(List.of());
        SiteDirectory site = SiteDirectory.from(empty);
        AlertService alerts = new AlertService(site, clock);

        // WHEN the warm-up runs THEN it builds nothing, and says so
        assertEquals(0, new AlertPathWarmUp(site, alerts).run().alerts());
    }
}
