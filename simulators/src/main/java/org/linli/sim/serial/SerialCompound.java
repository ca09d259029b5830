package org.linli.sim.serial;

import org.linli.drivers.model.DeviceType;
import org.linli.gateway.config.DeviceConfig;
import org.linli.gateway.config.SerialBusConfig;
import org.linli.gateway.config.SerialOptions;
import org.linli.gateway.config.SerialProtocol;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.site.Location;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the water meters of a generated compound on RS-485: the first households' meters are rewired from MQTT to
 * simulated buses (same device ids, {@code transport: serial}), and the simulated meters that answer for them are
 * built from the same description. A CJ/T 188 bus may also carry heat meters, added as new building-level
 * {@code heat_meter} devices ({@code heat-<bus>-<n>}) in the building of the compound's first water meter. Both the
 * gateway and the bus simulators read this one plan.
 */
public final class SerialCompound {
    /**
     * One bus to create: its name, the pty the gateway opens, its protocol, how many water meters and how many
     * heat meters (CJ/T 188 only) hang on it.
     */
    public record BusPlan(String name, Path port, String protocol, int meters, int heatMeters) {
        public BusPlan {
            if (heatMeters > 0 && !"cjt188".equals(protocol)) {
                throw new IllegalArgumentException("heat meters speak CJ/T 188, bus " + name + " is " + protocol);
            }
        }

        public BusPlan(String name, Path port, String protocol, int meters) {
            this(name, port, protocol, meters, 0);
        }
    }

    /** The site with a {@code serial:} section, and per bus the simulated devices that answer on it. */
    public record Plan(SiteConfig site, Map<String, List<SimSerialDevice>> devicesByBus) {
        public List<SimSerialDevice> devices(String bus) {
            return devicesByBus.get(bus);
        }

        public int meterCount() {
            return devicesByBus.values().stream().mapToInt(List::size).sum();
        }
    }

    public static final String CJT188_PROFILE = "cjt188-standard";

    private SerialCompound() {
    }

    /**
     * Rewires water meters of {@code base} (ids {@code water-<household>}) in household order onto {@code buses};
     * {@code polling} gives every bus its poll interval, timeout, retries, gap and offline threshold.
     */
    public static Plan plan(SiteConfig base, List<BusPlan> buses, SerialBusConfig polling) {
        List<DeviceConfig> waterMeters = base.devices().stream()
                .filter(d -> d.type() == DeviceType.WATER_METER && d.id().startsWith("water-")).toList();
        int wanted = buses.stream().mapToInt(BusPlan::meters).sum();
        if (wanted > waterMeters.size()) {
            throw new IllegalArgumentException("the site has " + waterMeters.size() + " water meters, the buses want " + wanted);
        }
        Map<String, DeviceConfig> rewired = new LinkedHashMap<>();
        List<DeviceConfig> added = new ArrayList<>();
        Map<String, List<SimSerialDevice>> sims = new LinkedHashMap<>();
        List<SerialBusConfig> busConfigs = new ArrayList<>();
        int next = 0;
        for (BusPlan bus : buses) {
            List<SimSerialDevice> onBus = new ArrayList<>();
            for (int i = 1; i <= bus.meters(); i++) {
                DeviceConfig mqtt = waterMeters.get(next++);
                SimSerialDevice sim = "cjt188".equals(bus.protocol())
                        ? new SimCjt188Meter(mqtt.id(), "7833" + String.format("%010d", 1000 + next), 12_345L * i)
                        : new SimModbusMeter(mqtt.id(), i, 100.0 * i);
                String profile = "cjt188".equals(bus.protocol()) ? CJT188_PROFILE : SimModbusMeter.PROFILE;
                rewired.put(mqtt.id(), DeviceConfig.serial(mqtt.id(), mqtt.type(), profile, mqtt.location(),
                        bus.name(), sim.address(), SerialProtocol.fromId(bus.protocol())));
                onBus.add(sim);
            }
            for (int i = 1; i <= bus.heatMeters(); i++) {
                String building = Location.parse(waterMeters.get(0).location()).building();
                SimCjt188HeatMeter sim = new SimCjt188HeatMeter("heat-" + bus.name() + "-" + i,
                        "7834" + String.format("%010d", 1000 * (busConfigs.size() + 1) + i), 500_000L * i);
                added.add(DeviceConfig.serial(sim.deviceId(), DeviceType.HEAT_METER, CJT188_PROFILE, building,
                        bus.name(), sim.address(), SerialProtocol.CJT188));
                onBus.add(sim);
            }
            sims.put(bus.name(), onBus);
            busConfigs.add(polling.withName(bus.name()).withPort(bus.port().toString()));
        }
        List<DeviceConfig> devices = new ArrayList<>(base.devices().stream().map(d -> rewired.getOrDefault(d.id(), d))
                .toList());
        devices.addAll(added);
        SiteConfig site = SiteConfig.of(base.site(), base.grids(), devices, base.mqtt(), base.influx())
                .withHttp(base.http()).withStorage(base.storage()).withSerial(SerialOptions.of(busConfigs));
        return new Plan(site, sims);
    }
}
