package org.linli.gateway.pipeline;

import java.util.ArrayDeque;

/**
 * A queue with two lanes that keeps each key's (device's) items in order: urgent items are taken before any bulk
 * item, and when an urgent item arrives, the bulk items of the same key still waiting are moved to the urgent lane
 * ahead of it. So an alarm never waits behind other devices' readings, and never overtakes its own device's earlier
 * messages (the rules and the state of each device see them in order). Bulk items of other keys keep their order.
 * <p>
 * Thread-safe (one lock): producers are Paho's callback thread or the decode workers, the consumer a decode worker or
 * the event loop. {@link #holdBulk} exists for tests that must show the urgent lane does not wait for the bulk one.
 */
final class LanedQueue<T> {
    private static final class Entry<T> {
        final String key;
        final T item;
        boolean promoted;

        Entry(String key, T item) {
            this.key = key;
            this.item = item;
        }
    }

    private final ArrayDeque<Entry<T>> urgent = new ArrayDeque<>();
    private final ArrayDeque<Entry<T>> bulk = new ArrayDeque<>();
    private int bulkWaiting;
    private boolean bulkHeld;

    /** Adds an item; {@code key} may be null (no device: such items are never promoted). */
    synchronized void offer(String key, boolean isUrgent, T item) {
        Entry<T> e = new Entry<>(key, item);
        if (isUrgent) {
            if (key != null && bulkWaiting > 0) {
                promoteWaiting(key);
            }
            urgent.addLast(e);
        } else {
            bulk.addLast(e);
            bulkWaiting++;
        }
        notifyAll();
    }

    /**
     * Moves the key's bulk entries still waiting to the urgent lane, in their order. A scan of the bulk lane, not an
     * index by key: urgent items are rare (a payload that may carry an alarm) and the bulk lane is bounded by the
     * MQTT in-flight window, while an index cost two map operations and a deque on every message.
     */
    private void promoteWaiting(String key) {
        for (Entry<T> b : bulk) {
            if (!b.promoted && key.equals(b.key)) {
                b.promoted = true;
                urgent.addLast(b);
                bulkWaiting--;
            }
        }
    }

    /** The next item (urgent first), or null if none is ready. */
    synchronized T poll() {
        Entry<T> e = urgent.pollFirst();
        if (e != null) {
            return e.item;
        }
        if (bulkHeld) {
            return null;
        }
        while ((e = bulk.pollFirst()) != null) {
            if (e.promoted) {
                continue;                                     // already taken through the urgent lane
            }
            bulkWaiting--;
            return e.item;
        }
        return null;
    }

    /** Waits up to {@code millis} for an item; null on timeout. */
    synchronized T take(long millis) throws InterruptedException {
        T item = poll();
        if (item == null) {
            wait(millis);
            item = poll();
        }
        return item;
    }

    synchronized int urgentSize() {
        return urgent.size();
    }

    /** Bulk items waiting (not counting those promoted to the urgent lane). */
    synchronized int bulkSize() {
        return bulkWaiting;
    }

    synchronized boolean isEmpty() {
        return urgent.isEmpty() && (bulkWaiting == 0 || bulkHeld);
    }

    /** Tests only: while held, bulk items stay queued and only the urgent lane is served. */
    synchronized void holdBulk(boolean hold) {
        bulkHeld = hold;
        notifyAll();
    }
}
