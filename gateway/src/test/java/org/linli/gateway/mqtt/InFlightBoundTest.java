package org.linli.gateway.mqtt;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.config.MqttOptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adapters' bound on messages in flight, against a real Mosquitto that itself holds nothing back
 * ({@code max_inflight_messages 0}): with {@code mqtt.maxInFlight} 10 and a pipeline that holds every message, no more
 * than 10 reach the ingest; once the pipeline takes them, the rest follow. For MQTT 5 QoS 1 the broker obeys our
 * Receive Maximum; for QoS 0 and for MQTT 3.1.1 the adapter blocks Paho's callback thread. A connection lost while that
 * thread waits frees its slots and lets the thread go, and the next connection gets the unacknowledged messages again.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InFlightBoundTest {
    private static final int BOUND = 10;
    private static final int MESSAGES = 60;

    @TempDir
    Path dir;
    private LocalMosquitto broker;
    private MqttClientAdapter adapter;
    private final Held held = new Held();

    @AfterEach
    void tearDown() throws Exception {
        if (adapter != null) {
            adapter.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @DisplayName("MQTT 5, QoS 1: the broker sends no more than maxInFlight unacknowledged messages; after the pipeline takes them, all arrive")
    void v5QoS1() throws Exception {
        boundThenRelease("5", 1);
    }

    @Test
    @DisplayName("MQTT 5, QoS 0: the adapter holds Paho back at maxInFlight messages not yet taken; after release, all arrive")
    void v5QoS0() throws Exception {
        boundThenRelease("5", 0);
        assertTrue(adapter.inFlight().waits() > 0, "QoS 0 has no Receive Maximum: the callback thread must have waited");
    }

    @Test
    @DisplayName("MQTT 3.1.1, QoS 1: no Receive Maximum, the adapter holds Paho back at maxInFlight; after release, all arrive")
    void v3QoS1() throws Exception {
        boundThenRelease("3.1.1", 1);
        assertTrue(adapter.inFlight().waits() > 0, "MQTT 3.1.1 has no Receive Maximum: the callback thread must have waited");
    }

    @Test
    @DisplayName("MQTT 3.1.1: a connection lost while the callback thread waits frees its slots; the next connection gets every message")
    void lostConnectionFreesSlots() throws Exception {
        // GIVEN a 3.1.1 adapter holding maxInFlight messages with its callback thread waiting for a slot
        broker = new LocalMosquitto(dir).start();
        adapter = connect("3.1.1", 1);
        publish(MESSAGES, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> held.deliveries.size() == BOUND && adapter.inFlight().waits() > 0);
        List<Delivery> ofDeadConnection = List.copyOf(held.deliveries);

        // WHEN the broker goes away (it saves the session) and comes back, and the ingest connects a fresh client
        // (Paho's receiver is held back too, so it is the keep-alive, 2 s here, that notices the dead connection)
        broker.stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> held.lost.get());
        // THEN the dead connection's slots are free at once: nothing of it counts against the next one
        assertEquals(0, adapter.inFlight().used());
        broker.start();
        held.takeAtOnce.set(true);
        adapter.connect(held.callbacks()).get(20, TimeUnit.SECONDS);
        adapter.subscribe(List.of("t/#"), List.of(1)).get(20, TimeUnit.SECONDS);
        // AND the late answers for the dead connection's messages free nothing twice
        ofDeadConnection.forEach(Delivery::taken);
        assertTrue(adapter.inFlight().used() >= 0, "no slot freed twice");
        // AND every message arrives on the new connection (the unacknowledged ones again), and none stays in flight
        await().atMost(Duration.ofSeconds(30)).until(() -> held.payloads.size() == MESSAGES);
        await().atMost(Duration.ofSeconds(5)).until(() -> adapter.inFlight().used() == 0);
    }

    private void boundThenRelease(String version, int qos) throws Exception {
        // GIVEN an adapter with maxInFlight 10 whose pipeline holds every message, and a backlog published to it
        broker = new LocalMosquitto(dir).start();
        adapter = connect(version, qos);
        publish(MESSAGES, qos);

        // WHEN the pipeline takes nothing
        // THEN exactly maxInFlight messages reach it and stay the only ones for a while
        await().atMost(Duration.ofSeconds(20)).until(() -> held.deliveries.size() == BOUND);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> held.deliveries.size() == BOUND);
        assertEquals(BOUND, adapter.inFlight().used());

        // WHEN the pipeline takes them, and every later one at once
        held.takeAtOnce.set(true);
        held.deliveries.forEach(Delivery::taken);
        // THEN the rest of the backlog arrives and nothing stays in flight
        await().atMost(Duration.ofSeconds(30)).until(() -> held.payloads.size() == MESSAGES);
        await().atMost(Duration.ofSeconds(5)).until(() -> adapter.inFlight().used() == 0);
    }

    private MqttClientAdapter connect(String version, int qos) throws Exception {
        MqttOptions options = MqttOptions.of(broker.url(), "bound-" + version.replace('.', '-')).withVersion(version)
                .withMaxInFlight(BOUND).withKeepAliveSeconds(2);
        MqttConnectSettings settings = MqttConnectSettings.of(options, null, null); // as the gateway connects: buffered input
        MqttClientAdapter a = "5".equals(version) ? new PahoV5Adapter(settings) : new PahoV3Adapter(settings);
        a.connect(held.callbacks()).get(20, TimeUnit.SECONDS);
        a.subscribe(List.of("t/#"), List.of(qos)).get(20, TimeUnit.SECONDS);
        return a;
    }

    private void publish(int n, int qos) throws Exception {
        MqttClient publisher = new MqttClient(broker.url(), "publisher", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        // Paho v3 frees a publish slot a moment after the sync publish returns: room so a loaded box never hits 10
        options.setMaxInflight(MESSAGES);
        publisher.connect(options);
        for (int i = 0; i < n; i++) {
            publisher.publish("t/dev", String.valueOf(i).getBytes(StandardCharsets.UTF_8), qos, false);
        }
        publisher.disconnect();
        publisher.close();
    }

    /** A stand-in for the pipeline: holds each delivery, or takes it at once once told to. */
    private static final class Held {
        final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
        final Set<String> payloads = ConcurrentHashMap.newKeySet();
        final AtomicBoolean takeAtOnce = new AtomicBoolean();
        final AtomicBoolean lost = new AtomicBoolean();
        final AtomicInteger connects = new AtomicInteger();

        MqttClientAdapter.Callbacks callbacks() {
            return new MqttClientAdapter.Callbacks() {
                @Override
                public void connected(boolean reconnect) {
                    connects.incrementAndGet();
                }

                @Override
                public void connectionLost(String reason) {
                    lost.set(true);
                }

                @Override
                public void message(String topic, byte[] payload, int qos, Delivery delivery) {
                    payloads.add(new String(payload, StandardCharsets.UTF_8));
                    if (takeAtOnce.get()) {
                        delivery.taken();
                    } else {
                        deliveries.add(delivery);
                    }
                }
            };
        }
    }
}
