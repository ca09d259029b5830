package org.linli.gateway.mqtt;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Bounds the MQTT messages in flight between Paho and the durable queue: delivered to the ingest, not yet taken or
 * refused ({@link Delivery}). Paho's callback thread calls {@link #acquire} before handing a message on and blocks
 * while every slot is used: Paho then stops reading the socket and the broker's sends back up in TCP (the bound for
 * QoS 0 and for MQTT 3.1.1, which have no Receive Maximum). The ingest frees slots on the event loop.
 * <p>
 * Slots are held per connection ({@link Connection}): when a connection ends its slots are freed at once and its
 * blocked callback thread is let go, so the messages of a dead connection never count against the next one (their
 * late {@code taken()} finds nothing to free) and a lost connection never leaves a thread waiting for ever.
 * Besides the count, the payload bytes in flight are bounded by {@link #MAX_BYTES} (one message is always let
 * through): 1,000 messages of the 256 KiB a broker may send would otherwise hold 256 MB. Thread-safe: one monitor.
 */
final class InFlightLimit {
    /** How often a blocked callback thread looks again whether its connection is still alive. */
    private static final long RECHECK_MS = 200;

    /** Payload bytes in flight at most (unless a single message is larger): 16 MiB, a twelfth of the default heap. */
    static final long MAX_BYTES = 16L << 20;

    private final int max;
    private int used;
    private long usedBytes;
    private long waitNanos;
    private long waits;

    InFlightLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + max);
        }
        this.max = max;
    }

    /** A new connection's share of the slots; {@link Connection#close()} when that connection ends. */
    Connection connection(BooleanSupplier alive) {
        return new Connection(alive);
    }

    int max() {
        return max;
    }

    /** Whether a message of {@code bytes} must wait: every slot used, or the byte budget would be passed. */
    private boolean full(int bytes) {
        return used >= max || (used > 0 && usedBytes + bytes > MAX_BYTES);
    }

    /** Slots held now by live connections. */
    synchronized int used() {
        return used;
    }

    /** Total time Paho's callback threads waited for a free slot, in nanoseconds. */
    synchronized long waitNanos() {
        return waitNanos;
    }

    /** Times a callback thread had to wait for a free slot. */
    synchronized long waits() {
        return waits;
    }

    /** The slots of one connection (one Paho client instance). */
    final class Connection {
        private final BooleanSupplier alive;
        private int held;
        private long heldBytes;
        private boolean closed;

        private Connection(BooleanSupplier alive) {
            this.alive = alive;
        }

        /**
         * Takes a slot, blocking (on Paho's callback thread) while all are used. Returns null, without a slot, when
         * the connection ended or the thread was interrupted meanwhile: the message is then dropped here (QoS 1 is
         * redelivered on the next connection, QoS 0 went with the old one).
         */
        Slot acquire(int bytes) {
            synchronized (InFlightLimit.this) {
                if (full(bytes) && !closed) {
                    waits++;
                    long start = System.nanoTime();
                    try {
                        while (full(bytes) && !closed) {
                            if (!alive.getAsBoolean()) {
                                closeLocked();
                                break;
                            }
                            InFlightLimit.this.wait(RECHECK_MS);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // Paho stopping its callback thread
                        return null;
                    } finally {
                        waitNanos += System.nanoTime() - start;
                    }
                }
                if (closed) {
                    return null;
                }
                used++;
                held++;
                usedBytes += bytes;
                heldBytes += bytes;
                return new Slot(this, bytes);
            }
        }

        /** The connection ended: frees its slots and lets a blocked callback thread go. Idempotent. */
        void close() {
            synchronized (InFlightLimit.this) {
                closeLocked();
            }
        }

        private void closeLocked() {
            if (!closed) {
                closed = true;
                used -= held;
                held = 0;
                usedBytes -= heldBytes;
                heldBytes = 0;
                InFlightLimit.this.notifyAll();
            }
        }

        private void release(int bytes) {
            synchronized (InFlightLimit.this) {
                if (!closed) {
                    held--;
                    used--;
                    heldBytes -= bytes;
                    usedBytes -= bytes;
                    InFlightLimit.this.notifyAll();
                }
            }
        }
    }

    /** One message's slot; {@link #release()} frees it once, later calls do nothing. */
    static final class Slot {
        private final Connection connection;
        private final int bytes;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(Connection connection, int bytes) {
            this.connection = connection;
            this.bytes = bytes;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                connection.release(bytes);
            }
        }
    }
}
