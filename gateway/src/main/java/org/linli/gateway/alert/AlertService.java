package org.linli.gateway.alert;

import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.DeviceType;
import org.linli.drivers.model.EventType;
import org.linli.gateway.pipeline.DeviceEventListener;
import org.linli.gateway.site.CareFlag;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.Household;
import org.linli.gateway.site.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Turns life-safety device events into alerts: a gas alarm event from a gas alarm, a fire alarm event from a smoke
 * detector. One open alert per (device, type): a repeat updates its count and last-seen time instead of raising a
 * new one (FIELD-NOTES §5). Event-loop confined. The rule engine of issue 5 generalises the two rules here.
 */
public final class AlertService implements DeviceEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

    private final SiteDirectory site;
    private final Clock clock;
    private final Map<String, Alert> byId = new LinkedHashMap<>();
    private final Map<String, String> openByKey = new HashMap<>();
    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
    private long sequence;

    public AlertService(SiteDirectory site, Clock clock) {
        this.site = site;
        this.clock = clock;
    }

    public void addListener(AlertListener listener) {
        listeners.add(listener);
    }

    @Override
    public void onEvent(Device device, DeviceEvent event) {
        Optional<AlertType> type = lifeSafetyType(device.type());
        if (type.isEmpty()) {
            return;
        }
        if (event.type() == EventType.ALARM) {
            raise(device, type.get());
        } else if (event.type() == EventType.ALARM_CLEARED) {
            clear(device, type.get());
        }
    }

    private static Optional<AlertType> lifeSafetyType(DeviceType deviceType) {
        return switch (deviceType) {
            case GAS_ALARM -> Optional.of(AlertType.GAS_LEAK);
            case SMOKE_DETECTOR -> Optional.of(AlertType.FIRE);
            default -> Optional.empty();
        };
    }

    private void raise(Device device, AlertType type) {
        Optional<Household> household = site.householdOf(device);
        Set<CareFlag> care = household.map(Household::care).orElse(Set.of());
        Severity severity = care.contains(CareFlag.ELDERLY_LIVING_ALONE) ? Severity.CRITICAL_VULNERABLE : Severity.CRITICAL;
        raise(new AlertRequest(device.id() + "/" + type, type, severity, device.location(), device, ""));
    }

    /**
     * Raises an alert, or repeats the open one with the same key (count and last-seen go up, nothing new is created).
     * The general entry point for alerts that are not a device's own alarm event: a serial bus offline (key
     * {@code bus:/dev/ttyUSB0}), a camera offline or tampered, a silent device. Routed to the grid of the location's
     * building; with no building (a bus in the gateway cabinet) it goes to no grid worker, only to the duty office.
     */
    public Alert raise(AlertRequest r) {
        String openId = openByKey.get(r.key());
        if (openId != null) {
            Alert updated = byId.get(openId).repeated(clock.instant());
            byId.put(openId, updated);
            notify(updated, false);
            return updated;
        }
        Device device = r.device();
        Optional<Household> household = device == null ? Optional.empty() : site.householdOf(device);
        var grid = r.location() == null ? null : site.gridFor(r.location().building()).orElse(null);
        Alert alert = new Alert("A" + (++sequence) + "-" + Long.toString(clock.millis(), 36), 1, r.type(), r.severity(),
                AlertState.OPEN, device == null ? null : device.id(), device == null ? null : device.type().id(),
                site.compound(), r.location(), household.map(Household::care).orElse(Set.of()),
                household.map(Household::contacts).orElse(List.of()),
                grid == null ? null : grid.id(), grid == null ? null : grid.worker(), grid == null ? null : grid.leader(),
                clock.instant(), clock.instant(), 1, r.detail(), List.of());
        byId.put(alert.id(), alert);
        openByKey.put(r.key(), alert.id());
        LOG.warn("ALERT {} {} at {} ({}), severity {}, grid worker {}", alert.id(), r.type().englishTitle(),
                r.location() == null ? "-" : r.location(), r.key(), r.severity(),
                grid == null ? "none" : grid.worker().name());
        notify(alert, true);
        return alert;
    }

    /** The condition behind the open alert with this key is over; the alert stays for a person to close. */
    public Optional<Alert> clear(String key) {
        String openId = openByKey.remove(key);
        if (openId == null) {
            return Optional.empty();
        }
        Alert cleared = byId.get(openId).deviceCleared(clock.instant());
        byId.put(openId, cleared);
        LOG.info("alert {} ({}) cleared", openId, key);
        notify(cleared, false);
        return Optional.of(cleared);
    }

    /** The open alert with this key, if there is one. */
    public Optional<Alert> open(String key) {
        return Optional.ofNullable(openByKey.get(key)).map(byId::get);
    }

    /** Adds a link to evidence (a camera snapshot) to an alert and publishes the new version. */
    public Optional<Alert> attachEvidence(String alertId, String link) {
        Alert a = byId.get(alertId);
        if (a == null) {
            return Optional.empty();
        }
        Alert updated = a.withEvidence(link);
        byId.put(alertId, updated);
        notify(updated, false);
        return Optional.of(updated);
    }

    private void clear(Device device, AlertType type) {
        clear(device.id() + "/" + type);
    }

    private void notify(Alert alert, boolean isNew) {
        for (AlertListener l : listeners) {
            try {
                l.onAlert(alert, isNew);
            } catch (RuntimeException e) {
                LOG.error("alert listener {} failed for {}", l, alert.id(), e);
            }
        }
    }

    /** All alerts, most urgent first, then newest first. */
    public List<Alert> list() {
        List<Alert> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(Alert::severity).thenComparing(Alert::raisedAt, Comparator.reverseOrder()));
        return all;
    }

    public Optional<Alert> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
