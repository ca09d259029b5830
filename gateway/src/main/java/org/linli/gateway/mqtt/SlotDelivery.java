package org.linli.gateway.mqtt;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link Delivery} both Paho adapters hand out: {@code taken()} runs the adapter's acknowledgement (a PUBACK on
 * the delivering connection, for QoS 1 and 2 only) then frees the in-flight slot; {@code notTaken()} only frees the
 * slot. Whichever is called first wins; later calls do nothing. Called on the event loop (any thread is safe).
 */
final class SlotDelivery implements Delivery {
    private final InFlightLimit.Slot slot;
    private final Runnable ack;
    private final AtomicBoolean done = new AtomicBoolean();

    /** @param ack sends the PUBACK on the delivering connection if it is still up, never throws; null for QoS 0 */
    SlotDelivery(InFlightLimit.Slot slot, Runnable ack) {
        this.slot = slot;
        this.ack = ack;
    }

    @Override
    public void taken() {
        if (done.compareAndSet(false, true)) {
            try {
                if (ack != null) {
                    ack.run();
                }
            } finally {
                slot.release();
            }
        }
    }

    @Override
    public void notTaken() {
        if (done.compareAndSet(false, true)) {
            slot.release();
        }
    }
}
