package org.linli.gateway.serial;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.drivers.model.DeviceType;
import org.linli.drivers.serial.cjt188.MeterAddress;
import org.linli.drivers.serial.cjt188.MeterType;
import org.linli.drivers.serial.link.Cjt188Poll;
import org.linli.drivers.serial.link.DevicePoll;
import org.linli.drivers.serial.link.ModbusPoll;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.config.DeviceConfig;
import org.linli.gateway.config.SerialBusConfig;
import org.linli.gateway.config.SerialOptions;
import org.linli.gateway.config.SerialProtocol;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The RS-485 side of the gateway: one {@link BusPoller} thread and one {@link BusSupervisor} per configured bus.
 * {@code onLoop} runs a task on the gateway's event-loop context ({@code context::runOnContext}), where the
 * supervisors, the pipeline and the alert service live.
 */
public final class SerialSources {
    private final Map<String, BusSupervisor> supervisors = new LinkedHashMap<>();
    private final List<BusPoller> pollers = new ArrayList<>();

    private SerialSources() {
    }

    /** Builds pollers for a validated config; a site without serial buses gets none. */
    public static SerialSources create(SiteConfig config, SiteDirectory site, Pipeline pipeline, AlertService alerts,
                                       DeadLetters deadLetters, Clock clock, Consumer<Runnable> onLoop) {
        SerialSources s = new SerialSources();
        SerialOptions serial = config.serial();
        SerialProfiles profiles = new SerialProfiles(serial.profileDir());
        for (SerialBusConfig bus : serial.buses()) {
            BusSupervisor supervisor = new BusSupervisor(bus, pipeline, alerts, deadLetters);
            List<DevicePoll> polls = new ArrayList<>();
            for (DeviceConfig d : config.devices()) {
                if (d.isSerial() && bus.name().equals(d.bus())) {
                    Device device = site.device(d.id()).orElseThrow();
                    DevicePoll poll = poll(d, profiles);
                    polls.add(poll);
                    supervisor.add(new DeviceHealth(device, poll.address()));
                }
            }
            s.supervisors.put(bus.name(), supervisor);
            s.pollers.add(new BusPoller(bus, polls, supervisor, onLoop, clock));
        }
        return s;
    }

    private static DevicePoll poll(DeviceConfig d, SerialProfiles profiles) {
        if (d.protocol() == SerialProtocol.CJT188) {
            return new Cjt188Poll(d.id(), cjt188MeterType(d), MeterAddress.of(d.address().trim()),
                    profiles.cjt188(d.profile()));
        }
        return new ModbusPoll(d.id(), Integer.parseInt(d.address().trim()), profiles.modbus(d.profile()));
    }

    /**
     * The meter type byte of the requests: heat meters get 20 (heating), other CJ/T 188 devices 10 (cold water).
     * Meters echo their own type in the reply, and that picks the data layout, so gas (30) and hot water (11)
     * meters that answer a type-10 request decode correctly.
     */
    static MeterType cjt188MeterType(DeviceConfig d) {
        return d.type() == DeviceType.HEAT_METER ? MeterType.HEAT_HEATING : MeterType.COLD_WATER;
    }

    public void start() {
        pollers.forEach(BusPoller::start);
    }

    /** Blocks until every poller has finished its current device and closed its port: call off the event loop. */
    public void stop() throws InterruptedException {
        for (BusPoller p : pollers) {
            p.stop();
        }
    }

    public boolean isEmpty() {
        return pollers.isEmpty();
    }

    /** The configured buses by name, in config order. */
    public List<String> busNames() {
        return List.copyOf(supervisors.keySet());
    }

    /** How many devices of the bus are in each state (every state present, 0 when none). */
    public Map<LinkState, Long> deviceStates(String bus) {
        Map<LinkState, Long> out = new java.util.EnumMap<>(LinkState.class);
        for (LinkState s : LinkState.values()) {
            out.put(s, 0L);
        }
        supervisors.get(bus).devices().values().forEach(d -> out.merge(d.state, 1L, Long::sum));
        return out;
    }

    /** Bus and device states and failure counters; event loop only. */
    public LinkState busState(String bus) {
        return supervisors.get(bus).state();
    }

    /** The bus polling a device, empty for a device on no bus of this gateway. */
    public java.util.Optional<String> busOf(String deviceId) {
        return supervisors.entrySet().stream().filter(e -> e.getValue().devices().containsKey(deviceId))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Why a bus is in its state ("polling", "not opened yet", the port error ...). */
    public String busDetail(String bus) {
        return supervisors.get(bus).detail();
    }

    public Map<String, Long> failuresByReason(String bus) {
        return new java.util.TreeMap<>(supervisors.get(bus).failuresByReason());
    }

    /** The {@code serial} object of {@code /api/status}. */
    public JsonObject status() {
        JsonArray buses = new JsonArray();
        supervisors.values().forEach(s -> buses.add(s.toJson()));
        return new JsonObject().put("buses", buses);
    }
}
