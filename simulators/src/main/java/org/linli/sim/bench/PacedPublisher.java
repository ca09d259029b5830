package org.linli.sim.bench;

import org.linli.sim.mqtt.DevicePublisher;

import java.util.List;

/**
 * Publishes messages of a pool (round robin, from where it stopped) at a target rate for a while, in 10 ms slices so
 * the rate is steady rather than bursty; as fast as the broker takes them if the rate is out of reach. Runs on the
 * calling thread.
 */
final class PacedPublisher {
    private final DevicePublisher publisher;
    private final List<BenchMessages.Message> pool;
    private final int qos;
    private long next;

    PacedPublisher(DevicePublisher publisher, List<BenchMessages.Message> pool, int qos) {
        this.publisher = publisher;
        this.pool = pool;
        this.qos = qos;
    }

    /** Publishes for {@code seconds} at {@code rate} msg/s; returns how many were handed to the client. */
    long publish(int rate, double seconds) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long sent = 0;
        while (System.nanoTime() < end) {
            long due = (System.nanoTime() - start) / 10_000_000L * rate / 100 + rate / 100;
            for (; sent < due && System.nanoTime() < end; sent++) {
                BenchMessages.Message m = pool.get((int) (next++ % pool.size()));
                publisher.publish(m.topic(), m.payload(), qos);
            }
            Thread.sleep(1);
        }
        return sent;
    }
}
