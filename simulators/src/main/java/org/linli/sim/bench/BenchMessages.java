package org.linli.sim.bench;

import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.DeviceType;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.FieldType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.mqtt.ReadingField;
import org.linli.drivers.mqtt.VendorProfile;
import org.linli.drivers.mqtt.VendorProfiles;
import org.linli.gateway.config.DeviceConfig;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.Transport;
import org.linli.sim.mqtt.VendorPayloadEncoder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The messages of a benchmark, encoded up front so that encoding is out of every timed figure: reports of every MQTT
 * device of the site in its vendor's format ({@link VendorPayloadEncoder}), round robin over the devices, the k-th
 * report of a device stamped {@code base + 15 k} minutes so that no two reports of a device are one point. Each report
 * carries every reading its profile has, at one time: the gateway writes one point per report. Values stay below
 * every alarm threshold (no rule fires on the background load). Built on the calling thread.
 */
public final class BenchMessages {
    /** One message as published: its topic, its payload, the device it speaks for and its vendor profile. */
    public record Message(String topic, byte[] payload, String deviceId, String profile) {
    }

    private final List<DeviceConfig> devices;
    private final List<VendorProfile> profiles;
    private final VendorPayloadEncoder encoder = new VendorPayloadEncoder();
    private static final long REPORT_INTERVAL_SECONDS = 15 * 60; // a battery device's usual report interval

    private final Random random = new Random(15);

    public BenchMessages(SiteConfig site, VendorProfiles catalog) {
        devices = site.devices().stream().filter(d -> d.transport() == Transport.MQTT).toList();
        profiles = devices.stream().map(d -> catalog.find(d.profile()).orElseThrow(
                () -> new IllegalArgumentException("no profile " + d.profile()))).toList();
    }

    public int deviceCount() {
        return devices.size();
    }

    /** {@code count} reports, the first {@link #deviceCount()} of them checked against the vendor's own decoder. */
    public List<Message> reports(int count, Instant base) {
        List<Message> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int d = i % devices.size();
            int k = i / devices.size();
            out.add(report(d, k, base.plusSeconds(REPORT_INTERVAL_SECONDS * k), i < devices.size()));
        }
        return out;
    }

    private Message report(int index, int k, Instant at, boolean check) {
        DeviceConfig d = devices.get(index);
        VendorProfile p = profiles.get(index);
        List<Reading> readings = new ArrayList<>();
        for (ReadingField f : p.readings()) {
            readings.add(new Reading(d.id(), f.quantity(), quiet(f.quantity(), index, k), at));
        }
        byte[] payload = encoder.encode(p, d.id(), Decoded.of(readings, List.of()));
        if (check) {
            decodes(p, d.id(), payload);
        }
        return new Message(p.topicFor(d.id()), payload, d.id(), p.name());
    }

    /** The gas alarms of the site whose vendor format carries an ALARM event (what the latency runs publish), in site order. */
    public List<String> gasAlarms() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            if (profiles.get(i).deviceType() == DeviceType.GAS_ALARM && carriesAlarm(devices.get(i).id())) {
                out.add(devices.get(i).id());
            }
        }
        return out;
    }

    private boolean carriesAlarm(String deviceId) {
        try {
            alarm(deviceId, Instant.now());
            return true;
        } catch (IllegalArgumentException noAlarmField) {
            return false;
        }
    }

    /** A gas alarm alarming: its readings (high) and an ALARM event at {@code at}, as a detector reports it. */
    public Message alarm(String deviceId, Instant at) {
        int index = indexOf(deviceId);
        VendorProfile p = profiles.get(index);
        List<Reading> readings = new ArrayList<>();
        for (ReadingField f : p.readings()) {
            double v = f.quantity() == Quantity.GAS_LEL ? 30 : f.quantity() == Quantity.GAS_PPM ? 6000 : quiet(f.quantity(), index, 0);
            readings.add(new Reading(deviceId, f.quantity(), v, at));
        }
        byte[] payload = encoder.encode(p, deviceId, Decoded.of(readings, List.of(new DeviceEvent(deviceId, EventType.ALARM, at))));
        return new Message(p.topicFor(deviceId), payload, deviceId, p.name());
    }

    private int indexOf(String deviceId) {
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i).id().equals(deviceId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no MQTT device " + deviceId);
    }

    /**
     * A plausible value in the quantity's range, well below any alarm threshold; meter totals of the k-th report grow
     * slowly (10 L every fourth report) so that no usage rule fires on the background load.
     */
    private double quiet(Quantity q, int device, int k) {
        return switch (q) {
            case WATER_TOTAL_M3, GAS_TOTAL_M3, HEAT_ENERGY_KWH, COOLING_ENERGY_KWH -> 100 + device % 500 + (k / 4) * 0.01;
            case WATER_FLOW_M3H, WATER_REVERSE_M3 -> 0;
            case OPERATING_HOURS -> 1000 + k / 4;
            case GAS_LEL, SMOKE_LEVEL -> random.nextInt(15) / 10.0;
            case GAS_PPM -> random.nextInt(50);
            case SIGNAL_DBM -> -60 - random.nextInt(20);
            case BATTERY_PCT -> 60 + random.nextInt(40);
            case BATTERY_V -> 3.0 + random.nextInt(60) / 100.0;
            case TEMPERATURE_C -> 15 + random.nextInt(150) / 10.0;
            case VALVE_OPEN -> 1;
            default -> q.fieldType() == FieldType.INTEGER ? q.min() + random.nextInt(100)
                    : Math.min(q.max(), q.min() + random.nextInt(10_000) / 100.0);
        };
    }

    private static void decodes(VendorProfile p, String id, byte[] payload) {
        try {
            p.decoder().decode(id, payload, Instant.now());
        } catch (DecodeException e) {
            throw new IllegalStateException("benchmark payload its own profile rejects (" + p.name() + "): " + e.getMessage(), e);
        }
    }
}
