package org.linli.sim.e2e;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady stream of hostile messages at QoS 1 from its own connection, one every {@code period}, cycling through the
 * list until stopped. Publishes on its own scheduler thread; the counters are thread-safe.
 */
final class HostileStream implements AutoCloseable {
    private final MqttClient client;
    private final List<HostileInputs.Hostile> inputs;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hostile-stream");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    HostileStream(MqttClient client, List<HostileInputs.Hostile> inputs, Duration period) {
        this.client = client;
        this.inputs = List.copyOf(inputs);
        scheduler.scheduleAtFixedRate(this::next, 0, period.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void next() {
        HostileInputs.Hostile h = inputs.get((int) ((sent.get() + failed.get()) % inputs.size()));
        try {
            client.publish(h.topic(), h.payload(), 1, false);
            sent.incrementAndGet();
        } catch (MqttException | RuntimeException e) {
            failed.incrementAndGet();
        }
    }

    /** Messages the broker acknowledged so far. */
    long sent() {
        return sent.get();
    }

    long failed() {
        return failed.get();
    }

    @Override
    public void close() throws Exception {
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
        if (client.isConnected()) {
            client.disconnectForcibly(1000);
        }
        client.close(true);
    }
}
