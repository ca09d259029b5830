package org.linli.gateway.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Calls the MQTT client's publish on a thread of its own, one call after another in the order given, so that the
 * event loop never waits in it. Paho's publish returns without waiting for the broker, but it takes the client's
 * locks, which the receiving side holds while it takes in and acknowledges messages: on a busy connection of a
 * saturated box the event loop, with a new alarm's alert in hand, waited up to 8.5 ms there (p99; docs/BENCHMARKS.md,
 * "The alarm path"). At most {@code capacity} calls wait; past that a publish fails at once, like a full outbox.
 */
final class PublishThread {
    private final ThreadPoolExecutor executor;

    PublishThread(String name, int capacity) {
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(capacity), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Completes as {@code client}'s publish does; fails if the thread is stopped or {@code capacity} calls wait. */
    CompletableFuture<Void> publish(MqttClientAdapter client, String topic, byte[] payload, int qos, boolean retained) {
        try {
            return CompletableFuture.supplyAsync(() -> client.publish(topic, payload, qos, retained), executor)
                    .thenCompose(sent -> sent);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException(executor.isShutdown()
                    ? "the MQTT connection is stopped" : "too many alert messages waiting to be published", e));
        }
    }

    /** Publishes already handed over still run; later ones fail. */
    void stop() {
        executor.shutdown();
    }
}
