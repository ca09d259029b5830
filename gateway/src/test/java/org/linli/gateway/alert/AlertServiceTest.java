package org.linli.gateway.alert;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.MutableClock;
import org.linli.gateway.TestSites;
import org.linli.gateway.site.SiteDirectory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertServiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"));
    private final SiteDirectory site = SiteDirectory.from(TestSites.small());
    private final AlertService service = new AlertService(site, clock);
    private final List<Alert> published = new ArrayList<>();

    {
        service.addListener((a, isNew) -> published.add(a));
    }

    @Test
    @DisplayName("a general alert (a bus offline) is raised once per key, repeats count up, clears, and carries evidence links")
    void generalRaiseClearEvidence() {
        AlertRequest bus = new AlertRequest(AlertKey.bus("/dev/ttyUSB0"), AlertType.BUS_OFFLINE, Severity.MAJOR,
                org.linli.gateway.site.Location.parse("7"), null, "adapter unplugged");
        Alert first = service.raise(bus);
        service.raise(bus);
        assertEquals(1, service.list().size());
        assertEquals(2, service.open(AlertKey.bus("/dev/ttyUSB0")).orElseThrow().count());
        assertEquals("陈静", first.gridWorker().name(), "routed to building 7's grid");
        assertEquals("adapter unplugged", first.detail());
        service.attachEvidence(first.id(), "/api/snapshots/s1");
        assertEquals(java.util.List.of("/api/snapshots/s1"), service.get(first.id()).orElseThrow().evidence());
        assertTrue(service.clear(AlertKey.bus("/dev/ttyUSB0")).isPresent());
        assertEquals(AlertState.DEVICE_CLEARED, service.get(first.id()).orElseThrow().state());
        assertTrue(service.clear(AlertKey.bus("/dev/ttyUSB0")).isEmpty(), "clearing twice does nothing");
        Alert noPlace = service.raise(new AlertRequest(AlertKey.bus("/dev/ttyUSB1"), AlertType.BUS_OFFLINE, Severity.MAJOR, null, null, ""));
        assertEquals(null, noPlace.gridWorker(), "a bus outside any building reaches no grid worker");
        assertEquals(5, published.size(), "raise, repeat, evidence, clear, second bus: one publication each");
    }

    @Test
    @DisplayName("restore reads each stored key back as an AlertKey: a repeat after the restart updates the same alert; a row with an unreadable key is left out, not a failed start")
    void restoreParsesStoredKeys() {
        // GIVEN a store holding a bus alert under its string key and one alert under a key no version ever wrote
        Alert bus = service.raise(new AlertRequest(AlertKey.bus("meters-7"), AlertType.BUS_OFFLINE, Severity.MAJOR, null,
                null, ""));
        Alert odd = bus.toBuilder().id("A9-x").build();
        AlertService restarted = new AlertService(site, clock);
        // WHEN the service is restored from it
        restarted.restore(List.of(new AlertStore.Stored(bus, "bus:meters-7", true),
                new AlertStore.Stored(odd, "test:3-2-501", true)));
        // THEN the bus alert holds its typed key again, and the unreadable row is left out
        assertEquals(bus, restarted.open(AlertKey.bus("meters-7")).orElseThrow());
        assertEquals(java.util.Set.of(AlertKey.bus("meters-7")), restarted.activeKeys());
        assertEquals(List.of(bus.id()), restarted.list().stream().map(Alert::id).toList());
        assertEquals(2, restarted.raise(new AlertRequest(AlertKey.bus("meters-7"), AlertType.BUS_OFFLINE,
                Severity.MAJOR, null, null, "")).count(), "a repeat of the restored alert");
    }

    @Test
    @DisplayName("each version of an alert goes to the listeners first, then to the store, then to the feeds, in the "
            + "order each was added")
    void listenersBeforeStoreBeforeFeeds() {
        // GIVEN an alert service whose store, listeners and feeds note when they are called, feeds added first
        List<String> calls = new ArrayList<>();
        AlertStore store = new AlertStore() {
            @Override
            public void save(Alert alert, String key, boolean keyOpen) {
                calls.add("store v" + alert.version());
            }

            @Override
            public void saveAway(String household, Instant until) {
            }
        };
        AlertService alerts = new AlertService(site, clock, EscalationPolicy.defaults(), store);
        alerts.addFeed((a, isNew) -> calls.add("alerts topic v" + a.version()));
        alerts.addFeed((a, isNew) -> calls.add("uplink v" + a.version()));
        alerts.addListener((a, isNew) -> calls.add("notifier v" + a.version()));
        alerts.addListener((a, isNew) -> calls.add("stream v" + a.version()));

        // WHEN a bus alert is raised and then repeats
        AlertRequest bus = new AlertRequest(AlertKey.bus("/dev/ttyUSB0"), AlertType.BUS_OFFLINE, Severity.MAJOR,
                org.linli.gateway.site.Location.parse("7"), null, "adapter unplugged");
        alerts.raise(bus);
        alerts.raise(bus);

        // THEN every version reached the people's listeners before it was handed to the store's and the feeds' threads
        assertEquals(List.of("notifier v1", "stream v1", "store v1", "alerts topic v1", "uplink v1",
                "notifier v2", "stream v2", "store v2", "alerts topic v2", "uplink v2"), calls);
    }
}
