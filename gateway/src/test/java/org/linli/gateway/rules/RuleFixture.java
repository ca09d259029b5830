package org.linli.gateway.rules;

import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.DeviceType;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.gateway.MutableClock;
import org.linli.gateway.TestSites;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertStore;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.EscalationPolicy;
import org.linli.gateway.config.ConfigException;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.pipeline.DeviceActivity;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.sitefile.SiteFiles;
import org.linli.gateway.source.Sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rule engine on the rules test site with a hand-moved clock, a real DeviceActivity and a recording listener. */
final class RuleFixture {
    static final Map<String, DeviceType> PROFILES;

    static {
        Map<String, DeviceType> p = new HashMap<>(TestSites.PROFILES);
        p.put("test-gas-b", DeviceType.GAS_ALARM);
        PROFILES = Map.copyOf(p);
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
    final SiteConfig config = config();
    final SiteDirectory site = SiteDirectory.from(config);
    final AlertService alerts = new AlertService(site, clock, EscalationPolicy.from(config.rules().escalation()),
            AlertStore.NONE);
    final DeviceActivity activity = new DeviceActivity();
    final HouseholdAway away = new HouseholdAway(AlertStore.NONE, Map.of());
    final List<Alert> published = new ArrayList<>();
    final List<Boolean> publishedNew = new ArrayList<>();
    volatile boolean mqttUp = true;
    boolean serialBusUp = true;
    final ParentStatuses parents = new ParentStatuses(new Sources()
            .add(new ParentSource("mqtt", () -> mqttUp))
            .add(new ParentSource("serial", () -> serialBusUp)));
    final RuleEngine engine = new RuleEngine(site, alerts, config.rules(), clock, activity::lastSeen, parents, away);

    RuleFixture() {
        alerts.addListener((a, isNew) -> {
            published.add(a);
            publishedNew.add(isNew);
        });
    }

    static SiteConfig config() {
        try (InputStream in = RuleFixture.class.getResourceAsStream("/site-rules.yaml")) {
            return SiteFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "site-rules.yaml",
                    PROFILES, TestSites.ENV);
        } catch (IOException | ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    Device device(String id) {
        return site.device(id).orElseThrow();
    }

    void event(String id, EventType type) {
        activity.seen(id, clock.instant());
        engine.onEvent(device(id), new DeviceEvent(id, type, clock.instant()));
    }

    void reading(String id, Quantity q, double value) {
        activity.seen(id, clock.instant());
        engine.onReadings(device(id), List.of(new Reading(id, q, value, clock.instant())));
    }

    /** Versions published for alerts of this type (new ones and updates). */
    List<Alert> of(AlertType type) {
        return published.stream().filter(a -> a.type() == type).toList();
    }

    /** Distinct alerts of this type raised so far. */
    long raised(AlertType type) {
        return of(type).stream().map(Alert::id).distinct().count();
    }

    /** Distinct alerts of this type for this device. */
    List<Alert> latestFor(String deviceId, AlertType type) {
        return alerts.list().stream().filter(a -> a.type() == type && deviceId.equals(a.deviceId())).toList();
    }
}
