package org.linli.gateway.config;

import org.linli.drivers.model.DeviceType;
import org.linli.drivers.serial.cjt188.MeterAddress;
import org.linli.drivers.serial.link.LineSettings;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Checks the {@code serial:} section and the serial devices: buses named once with sane line and polling settings,
 * every serial device on a known bus with a valid, unique address, a protocol (bound by {@link SerialProtocol}), a
 * profile name and a type its protocol can read. That the named profile file exists and is valid is checked by
 * {@code serial.SerialProfileCheck}, which knows where profiles are found.
 */
final class SerialConfigValidator {
    private final BiConsumer<String, String> problem;
    private final java.util.function.Function<String, String> where;

    /** {@code where} places a path in the file ("line 12") for "first at". */
    SerialConfigValidator(BiConsumer<String, String> problem, java.util.function.Function<String, String> where) {
        this.problem = problem;
        this.where = where;
    }

    void validate(SerialOptions serial, List<DeviceConfig> devices, Set<String> buildings) {
        Set<String> buses = checkBuses(serial, buildings);
        Map<String, String> addressOwner = new HashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            DeviceConfig d = devices.get(i);
            if (!d.isSerial()) {
                continue;
            }
            String at = SiteCheck.devicePath(i, d);
            if (d.bus() == null || d.bus().isBlank()) {
                problem.accept(at + ".bus", "missing: name the serial bus (serial.buses[].name) the device is wired to");
            } else if (!buses.contains(d.bus())) {
                problem.accept(at + ".bus", "unknown bus '" + d.bus() + "' (known: " + new java.util.TreeSet<>(buses) + ")");
            }
            if (d.protocol() == null) {
                problem.accept(at + ".protocol", "missing: one of " + ConfigEnums.ids(SerialProtocol.class));
                continue;
            }
            String address = checkAddress(d, at);
            if (address != null && d.bus() != null) {
                String other = addressOwner.putIfAbsent(d.bus() + "/" + address, d.id());
                if (other != null) {
                    problem.accept(at + ".address", "address " + address + " on bus '" + d.bus()
                            + "' is already used by device '" + other + "': two devices cannot answer one address");
                }
            }
            checkProfile(d, at);
        }
    }

    private Set<String> checkBuses(SerialOptions serial, Set<String> buildings) {
        Map<String, String> names = new HashMap<>();
        Set<String> ports = new HashSet<>();
        for (int i = 0; i < serial.buses().size(); i++) {
            SerialBusConfig b = serial.buses().get(i);
            String at = "serial.buses[" + i + "]" + (b.name() == null ? "" : " (" + b.name() + ")");
            if (b.name() == null || b.name().isBlank()) {
                problem.accept(at + ".name", "missing");
            } else if (names.putIfAbsent(b.name(), at + ".name") != null) {
                problem.accept(at + ".name", "bus '" + b.name() + "' is listed twice; first at " + where.apply(names.get(b.name())));
            }
            if (b.port() == null || b.port().isBlank()) {
                problem.accept(at + ".port", "missing: the adapter's path, e.g. /dev/serial/by-id/usb-FTDI_..., or /dev/ttyUSB0");
            } else if (!ports.add(b.port())) {
                problem.accept(at + ".port", "port " + b.port() + " is used by two buses: one bus per adapter");
            }
            try {
                new LineSettings(b.baud(), b.dataBits(), b.parity().id(), b.stopBits());
            } catch (IllegalArgumentException e) {
                problem.accept(at, e.getMessage());
            }
            if (b.pollIntervalSeconds() < 1) {
                problem.accept(at + ".pollIntervalSeconds", "must be at least 1");
            }
            if (b.timeoutMs() < 10 || b.timeoutMs() > 10_000) {
                problem.accept(at + ".timeoutMs", "must be 10..10000, got " + b.timeoutMs());
            }
            if (b.retries() < 0 || b.retries() > 5) {
                problem.accept(at + ".retries", "must be 0..5, got " + b.retries());
            }
            if (b.interFrameGapMs() < 0 || b.interFrameGapMs() > 1000) {
                problem.accept(at + ".interFrameGapMs", "must be 0..1000, got " + b.interFrameGapMs());
            }
            if (b.offlineAfterFailedPolls() < 1) {
                problem.accept(at + ".offlineAfterFailedPolls", "must be at least 1");
            }
            if (b.location() != null && !buildings.contains(b.location())) {
                problem.accept(at + ".location", "building '" + b.location() + "' is not in site.buildings");
            }
        }
        return names.keySet();
    }

    /** The normalised address, or null when it is invalid. */
    private String checkAddress(DeviceConfig d, String at) {
        String a = d.address() == null ? "" : d.address().trim();
        if (d.protocol() == SerialProtocol.CJT188) {
            if (!a.matches("\\d{14}")) {
                problem.accept(at + ".address", "a CJ/T 188 meter address is 14 digits as printed on the meter"
                        + " (quote it: \"78330011223344\"), got '" + a + "'");
                return null;
            }
            return MeterAddress.of(a).digits();
        }
        int slave;
        try {
            slave = Integer.parseInt(a);
        } catch (NumberFormatException e) {
            slave = -1;
        }
        if (slave < 1 || slave > 247) {
            problem.accept(at + ".address", "a Modbus slave address is 1..247, got '" + a + "'");
            return null;
        }
        return String.valueOf(slave);
    }

    /** A profile is named, and a CJ/T 188 device is a meter CJ/T 188 reads. */
    private void checkProfile(DeviceConfig d, String at) {
        if (d.profile() == null || d.profile().isBlank()) {
            problem.accept(at + ".profile", "missing: the " + d.protocol().id() + " profile of this meter model");
            return;
        }
        if (d.protocol() == SerialProtocol.CJT188 && d.type() != null
                && d.type() != DeviceType.WATER_METER && d.type() != DeviceType.HEAT_METER) {
            problem.accept(at + ".type", "CJ/T 188 devices are read as water_meter or heat_meter; got type '"
                    + d.type().id() + "'");
        }
    }
}
