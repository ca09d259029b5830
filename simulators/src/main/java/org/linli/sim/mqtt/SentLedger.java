package org.linli.sim.mqtt;

import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.model.EventType;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * What the simulator published and the broker acknowledged, per device: readings counted and summed per quantity,
 * events counted per type, messages per vendor profile. Tests compare the time-series server and the gateway's
 * counters against it.
 */
public final class SentLedger {
    private final Map<String, AtomicLong> readingCounts = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> readingSums = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> eventCounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> messagesByProfile = new ConcurrentHashMap<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong points = new AtomicLong();

    /** One acknowledged message of a device of this vendor profile, as the gateway should decode it. */
    public void record(String profile, Decoded decoded) {
        messages.incrementAndGet();
        messagesByProfile.computeIfAbsent(profile, k -> new AtomicLong()).incrementAndGet();
        // as the gateway writes them: one point per device and instant for readings, one per event
        points.addAndGet(decoded.readings().stream().map(Reading::time).distinct().count() + decoded.events().size());
        for (Reading r : decoded.readings()) {
            readingCounts.computeIfAbsent(key(r.deviceId(), r.quantity()), k -> new AtomicLong()).incrementAndGet();
            readingSums.computeIfAbsent(key(r.deviceId(), r.quantity()), k -> new DoubleAdder()).add(r.value());
        }
        for (DeviceEvent e : decoded.events()) {
            eventCounts.computeIfAbsent(e.deviceId() + "/" + e.type().id(), k -> new AtomicLong()).incrementAndGet();
        }
    }

    private static String key(String device, Quantity q) {
        return device + "/" + q.field();
    }

    public long messages() {
        return messages.get();
    }

    /** Messages acknowledged per vendor profile (the gateway subscribes once per profile). */
    public Map<String, Long> messagesByProfile() {
        Map<String, Long> out = new java.util.TreeMap<>();
        messagesByProfile.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** How many line-protocol points the gateway should write for what was acknowledged. */
    public long points() {
        return points.get();
    }

    public long readings(String device, Quantity q) {
        AtomicLong c = readingCounts.get(key(device, q));
        return c == null ? 0 : c.get();
    }

    public double sum(String device, Quantity q) {
        DoubleAdder s = readingSums.get(key(device, q));
        return s == null ? 0 : s.sum();
    }

    /** Total readings of one quantity over all devices. */
    public long readings(Quantity q) {
        return readingCounts.entrySet().stream().filter(e -> e.getKey().endsWith("/" + q.field()))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    public long events(String device, EventType type) {
        AtomicLong c = eventCounts.get(device + "/" + type.id());
        return c == null ? 0 : c.get();
    }

    public long events(EventType type) {
        return eventCounts.entrySet().stream().filter(e -> e.getKey().endsWith("/" + type.id()))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    public Map<String, Long> readingCountsByDeviceQuantity() {
        Map<String, Long> out = new java.util.TreeMap<>();
        readingCounts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
