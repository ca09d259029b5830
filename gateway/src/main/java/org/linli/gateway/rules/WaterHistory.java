package org.linli.gateway.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The recent cumulative totals ({@code total_m3}) of one water meter, enough to answer "how much since T" for the
 * last 24 h, and the water used per 30-minute slot. A delta counts towards a slot only when the two readings are at
 * most 30 minutes apart (a meter reporting less often cannot show continuous flow). A total that goes down (meter
 * replaced or reset) starts the history afresh.
 * <p>
 * Times are kept in epoch milliseconds, the precision points are stored at, in primitive arrays: this runs for every
 * water reading, and a deque of records and a map of boxed slots cost an allocation per sample and per slot looked
 * up (48 a reading) and kilobytes of inlined code for the JIT to compile on a cold drain (BENCHMARKS, issue 15).
 */
final class WaterHistory {
    private static final long SLOT_MILLIS = Duration.ofMinutes(30).toMillis();
    static final long DAY_MILLIS = Duration.ofHours(24).toMillis();
    /** Slots remembered: a power of two above the 48 of a day the continuous-flow rule reads and the current one. */
    private static final int SLOTS = 64;
    private static final long NO_SLOT = Long.MIN_VALUE;

    /** The samples, a ring oldest first from {@link #head}; grows when a meter reports more often than it held. */
    private long[] sampleAt = new long[8];
    private double[] sampleTotal = new double[8];
    private int head;
    private int size;

    /** The use of slot {@code s} is {@code slotUse[s & (SLOTS - 1)]} while {@code slotId} there says {@code s}. */
    private final long[] slotId = new long[SLOTS];
    private final double[] slotUse = new double[SLOTS];

    WaterHistory() {
        Arrays.fill(slotId, NO_SLOT);
    }

    static long slotOf(Instant at) {
        return slotOf(at.toEpochMilli());
    }

    static long slotOf(long atMillis) {
        return Math.floorDiv(atMillis, SLOT_MILLIS);
    }

    void add(Instant at, double total) {
        add(at.toEpochMilli(), total);
    }

    void add(long at, double total) {
        if (size > 0) {
            long lastAt = at(size - 1);
            double lastTotal = total(size - 1);
            if (at <= lastAt) {
                return; // replayed or out of order: the totals already cover it
            }
            if (total < lastTotal) {
                size = 0;
                Arrays.fill(slotId, NO_SLOT);
            } else if (at - lastAt <= SLOT_MILLIS) {
                // the water flowed during (last, at]: it belongs to the slot holding the end of that interval
                addToSlot(slotOf(at - 1), total - lastTotal);
            }
        }
        append(at, total);
        long horizon = at - DAY_MILLIS;
        // keep the newest sample at or before the horizon: it is the baseline of a 24 h window
        while (size > 1 && at(1) <= horizon) {
            head = (head + 1) % sampleAt.length;
            size--;
        }
    }

    private void addToSlot(long slot, double use) {
        int i = (int) (slot & (SLOTS - 1));
        if (slotId[i] != slot) {
            slotId[i] = slot;                                 // a slot 64 or more back: forgotten
            slotUse[i] = 0;
        }
        slotUse[i] += use;
    }

    private void append(long at, double total) {
        if (size == sampleAt.length) {
            grow();
        }
        int i = (head + size) % sampleAt.length;
        sampleAt[i] = at;
        sampleTotal[i] = total;
        size++;
    }

    private void grow() {
        long[] at = new long[size * 2];
        double[] total = new double[size * 2];
        for (int k = 0; k < size; k++) {
            at[k] = at(k);
            total[k] = total(k);
        }
        sampleAt = at;
        sampleTotal = total;
        head = 0;
    }

    /** The k-th sample's time, oldest first. */
    private long at(int k) {
        return sampleAt[(head + k) % sampleAt.length];
    }

    private double total(int k) {
        return sampleTotal[(head + k) % sampleTotal.length];
    }

    /** Water used from the newest sample at or before {@code from} to the latest; empty if no sample is that old. */
    Optional<Double> usedSince(Instant from) {
        int base = baseIndex(from.toEpochMilli());
        return base < 0 ? Optional.empty() : Optional.of(total(size - 1) - total(base));
    }

    /** The newest sample at or before {@code from}, or -1 when none is that old. */
    private int baseIndex(long from) {
        int base = -1;
        for (int k = 0; k < size && at(k) <= from; k++) {
            base = k;
        }
        return base;
    }

    /** Used since {@code from}, or since the first sample if the history is shorter (a lower bound). */
    double usedAtLeastSince(Instant from) {
        return usedAtLeastSince(from.toEpochMilli());
    }

    double usedAtLeastSince(long from) {
        if (size == 0) {
            return 0;
        }
        int base = baseIndex(from);
        return total(size - 1) - total(Math.max(base, 0));
    }

    double slotUse(long slot) {
        int i = (int) (slot & (SLOTS - 1));
        return slotId[i] == slot ? slotUse[i] : 0;
    }

    Optional<Instant> lastAt() {
        return size == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at(size - 1)));
    }
}
