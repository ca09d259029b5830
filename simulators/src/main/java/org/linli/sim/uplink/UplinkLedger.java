package org.linli.sim.uplink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the simulated compounds published, for exactly-once checks: every alert version the broker acknowledged
 * (PUBACK with a success code), per compound, in publication order (a resend or a retry after a lost PUBACK appears
 * twice). Written on Paho's callback threads, read by tests on any thread.
 */
public final class UplinkLedger {
    /** One acknowledged alert publication. */
    public record Entry(String compound, String id, int version, String state) {
        /** The centre's key of the alert: {@code compound + "/" + id}. */
        public String key() {
            return compound + "/" + id;
        }
    }

    private final Map<String, ConcurrentLinkedQueue<Entry>> byCompound = new ConcurrentHashMap<>();

    void acknowledged(Entry e) {
        byCompound.computeIfAbsent(e.compound(), c -> new ConcurrentLinkedQueue<>()).add(e);
    }

    /** The acknowledged publications of one compound, in order. */
    public List<Entry> published(String compound) {
        return new ArrayList<>(byCompound.getOrDefault(compound, new ConcurrentLinkedQueue<>()));
    }

    /** Every acknowledged publication of every compound. */
    public List<Entry> all() {
        List<Entry> all = new ArrayList<>();
        byCompound.values().forEach(all::addAll);
        return all;
    }

    /** The highest acknowledged version per alert key: what the centre's picture must end up holding. */
    public Map<String, Integer> latestVersions() {
        Map<String, Integer> latest = new HashMap<>();
        for (Entry e : all()) {
            latest.merge(e.key(), e.version(), Math::max);
        }
        return latest;
    }
}
