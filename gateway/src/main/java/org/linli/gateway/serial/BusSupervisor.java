package org.linli.gateway.serial;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.drivers.serial.Hex;
import org.linli.drivers.serial.link.DevicePoll;
import org.linli.drivers.serial.link.PollOutcome;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.config.SerialBusConfig;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.site.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The status tree of one bus and what follows from it, on the gateway's event loop: readings into the pipeline,
 * failed frames counted by reason and dead-lettered, ONE alert when the bus is down (port gone, or no device on it
 * answers) with its devices PARENT_OFFLINE, and a device alert only for a device that is silent while others answer
 * for {@code offlineAfterFailedPolls} polls in a row. Alerts are cleared when the condition ends.
 */
final class BusSupervisor implements BusListener {
    static final String SOURCE = "serial";
    private static final Logger LOG = LoggerFactory.getLogger(BusSupervisor.class);

    private final SerialBusConfig bus;
    private final Map<String, DeviceHealth> devices = new LinkedHashMap<>();
    private final Pipeline pipeline;
    private final AlertService alerts;
    private final DeadLetters deadLetters;
    private final Map<String, Long> failuresByReason = new TreeMap<>();
    private LinkState state = LinkState.UNKNOWN;
    private String detail = "not opened yet";
    private long opens;
    private long cycles;

    BusSupervisor(SerialBusConfig bus, Pipeline pipeline, AlertService alerts, DeadLetters deadLetters) {
        this.bus = bus;
        this.pipeline = pipeline;
        this.alerts = alerts;
        this.deadLetters = deadLetters;
    }

    void add(DeviceHealth health) {
        devices.put(health.device.id(), health);
    }

    AlertKey busAlertKey() {
        return AlertKey.bus(bus.name());
    }

    @Override
    public void portDown(String why) {
        busDown(why);
    }

    @Override
    public void portOpened() {
        opens++;
        devices.values().forEach(d -> d.thisCycle = null);
    }

    @Override
    public void attemptFailed(DevicePoll device, PollOutcome failure, Instant at) {
        failuresByReason.merge(failure.reason().id(), 1L, Long::sum);
        if (failure.raw().length > 0) {
            deadLetters.record(SOURCE, bus.name() + "/" + device.deviceId(), Hex.format(failure.raw()),
                    failure.reason().id(), failure.message());
        }
    }

    @Override
    public void devicePolled(DevicePoll device, PollOutcome outcome, Instant at) {
        DeviceHealth h = devices.get(device.deviceId());
        if (h == null) {
            return;
        }
        if (outcome.ok()) {
            h.thisCycle = true;
            h.answered++;
            h.lastAnswer = at;
            pipeline.acceptDecoded(SOURCE, bus.name(), h.device, outcome.decoded(), at);
        } else {
            h.thisCycle = false;
            h.failedPolls++;
            h.lastFailure = outcome.reason().id() + ": " + outcome.message();
        }
    }

    @Override
    public void cycleEnded(Instant at) {
        cycles++;
        long heard = devices.values().stream().filter(d -> Boolean.TRUE.equals(d.thisCycle)).count();
        if (heard == 0 && devices.size() >= 2) {
            // every meter silent at once is a bus fault (cable, termination, adapter power), not N meter faults
            busDown("no device on the bus answers (check the A/B wiring, termination and the adapter)");
        } else {
            busUp();
            devices.values().forEach(this::settle);
        }
        devices.values().forEach(d -> d.thisCycle = null);
    }

    /** Moves a device along after a cycle in which its bus was up: answered → ONLINE, N failures in a row → OFFLINE. */
    private void settle(DeviceHealth h) {
        if (h.thisCycle == null) {
            return;
        }
        if (h.thisCycle) {
            h.failedPollsInARow = 0;
            if (h.state != LinkState.ONLINE) {
                if (h.state == LinkState.OFFLINE) {
                    LOG.info("serial bus {}: device {} (address {}) answers again", bus.name(), h.device.id(), h.address);
                }
                alerts.clear(h.alertKey());
                h.state = LinkState.ONLINE;
            }
            return;
        }
        h.failedPollsInARow++;
        if (h.failedPollsInARow >= bus.offlineAfterFailedPolls() && h.state != LinkState.OFFLINE) {
            h.state = LinkState.OFFLINE;
            LOG.warn("serial bus {}: device {} (address {}) offline after {} failed polls: {}", bus.name(),
                    h.device.id(), h.address, h.failedPollsInARow, h.lastFailure);
            alerts.raise(new AlertRequest(h.alertKey(), AlertType.DEVICE_OFFLINE, Severity.MINOR, h.device.location(),
                    h.device, "RS-485总线 " + bus.name() + " 地址 " + h.address + " 的表具无应答（原因：" + h.lastFailure + "）"));
        } else if (h.state == LinkState.PARENT_OFFLINE) {
            h.state = LinkState.UNKNOWN;
        }
    }

    private void busDown(String why) {
        detail = why;
        if (state == LinkState.OFFLINE) {
            return;
        }
        state = LinkState.OFFLINE;
        LOG.warn("serial bus {} ({}) OFFLINE: {}", bus.name(), bus.port(), why);
        devices.values().forEach(d -> d.state = LinkState.PARENT_OFFLINE);
        Location where = bus.location() == null ? null : new Location(bus.location(), null, null, null);
        alerts.raise(new AlertRequest(busAlertKey(), AlertType.BUS_OFFLINE, Severity.MAJOR, where, null,
                "RS-485总线 " + bus.name() + "（" + bus.port() + "，" + devices.size() + " 台表具）离线，原因：" + why));
    }

    private void busUp() {
        if (state == LinkState.ONLINE) {
            return;
        }
        if (state == LinkState.OFFLINE) {
            LOG.info("serial bus {} ({}) back ONLINE", bus.name(), bus.port());
            alerts.clear(busAlertKey());
        }
        state = LinkState.ONLINE;
        detail = "polling";
    }

    LinkState state() {
        return state;
    }

    /** Why the bus is in its state ("polling", "not opened yet", the port error, "no device on the bus answers"). */
    String detail() {
        return detail;
    }

    Map<String, DeviceHealth> devices() {
        return devices;
    }

    Map<String, Long> failuresByReason() {
        return failuresByReason;
    }

    JsonObject toJson() {
        JsonArray list = new JsonArray();
        devices.values().forEach(d -> list.add(d.toJson()));
        return new JsonObject()
                .put("name", bus.name())
                .put("port", bus.port())
                .put("state", state.name())
                .put("detail", detail)
                .put("opens", opens)
                .put("cycles", cycles)
                .put("failuresByReason", new JsonObject(new TreeMap<>(failuresByReason)))
                .put("devices", list);
    }
}
