package org.linli.gateway.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The recent cumulative totals ({@code total_m3}) of one water meter, enough to answer "how much since T" for the
 * last 24 h, and the water used per 30-minute slot. A delta counts towards a slot only when the two readings are at
 * most 30 minutes apart (a meter reporting less often cannot show continuous flow). A total that goes down (meter
 * replaced or reset) starts the history afresh.
 */
final class WaterHistory {
    static final Duration SLOT = Duration.ofMinutes(30);
    private static final Duration KEEP = Duration.ofHours(24);

    private record Sample(Instant at, double total) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();
    private final TreeMap<Long, Double> usePerSlot = new TreeMap<>();

    static long slotOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), SLOT.toMillis());
    }

    void add(Instant at, double total) {
        Sample last = samples.peekLast();
        if (last != null && !at.isAfter(last.at())) {
            return; // replayed or out of order: the totals already cover it
        }
        if (last != null && total < last.total()) {
            samples.clear();
            usePerSlot.clear();
        } else if (last != null && Duration.between(last.at(), at).compareTo(SLOT) <= 0) {
            // the water flowed during (last, at]: it belongs to the slot holding the end of that interval
            usePerSlot.merge(slotOf(at.minusMillis(1)), total - last.total(), Double::sum);
        }
        samples.addLast(new Sample(at, total));
        Instant horizon = at.minus(KEEP);
        // keep the newest sample at or before the horizon: it is the baseline of a 24 h window
        while (samples.size() > 1 && !second().at().isAfter(horizon)) {
            samples.pollFirst();
        }
        usePerSlot.headMap(slotOf(at) - 60).clear();
    }

    private Sample second() {
        Iterator<Sample> it = samples.iterator();
        it.next();
        return it.next();
    }

    /** Water used from the newest sample at or before {@code from} to the latest; empty if no sample is that old. */
    Optional<Double> usedSince(Instant from) {
        Sample base = null;
        for (Sample s : samples) {
            if (s.at().isAfter(from)) {
                break;
            }
            base = s;
        }
        return base == null ? Optional.empty() : Optional.of(samples.peekLast().total() - base.total());
    }

    /** Used since {@code from}, or since the first sample if the history is shorter (a lower bound). */
    double usedAtLeastSince(Instant from) {
        return usedSince(from).orElseGet(() -> samples.isEmpty() ? 0 : samples.peekLast().total() - samples.peekFirst().total());
    }

    double slotUse(long slot) {
        return usePerSlot.getOrDefault(slot, 0.0);
    }

    Optional<Instant> lastAt() {
        return samples.isEmpty() ? Optional.empty() : Optional.of(samples.peekLast().at());
    }
}
