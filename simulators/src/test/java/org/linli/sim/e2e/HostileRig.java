package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.linli.drivers.model.EventType;
import org.linli.drivers.mqtt.VendorProfile;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.DeviceConfig;
import org.linli.gateway.config.SiteConfig;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.VictoriaMetricsServer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A running gateway on a real Mosquitto broker, its SSE stream open on real HTTP, the simulated compound to raise
 * gas alarms, and a way to time them: what the hostile-input tests attack and measure. The caller starts the broker
 * (so it can configure it) and owns the Vert.x.
 */
final class HostileRig implements AutoCloseable {
    final MosquittoBroker broker;
    final VictoriaMetricsServer tsdb;
    final SiteConfig site;
    final Gateway gateway;
    final DevicePublisher publisher;
    final CompoundSimulator sim;
    private final BlockingQueue<JsonObject> stream;

    HostileRig(Vertx vertx, MosquittoBroker broker, String version, Path dir) throws Exception {
        this.broker = broker;
        this.tsdb = new VictoriaMetricsServer(dir.resolve("vm")).start();
        this.site = E2eHarness.site(broker.url(), "linli-hostile", version, tsdb.url(), dir.resolve("gw"));
        this.gateway = E2eHarness.deploy(vertx, site);
        this.stream = E2eHarness.sse(gateway.httpPort());
        this.publisher = new DevicePublisher(broker.url(), "sim-hostile");
        this.sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 11);
    }

    /** The gas alarms of the site, one per household: each raises its own alert. */
    List<String> gasAlarms() {
        return site.devices().stream().map(DeviceConfig::id).filter(id -> id.startsWith("gas-")).toList();
    }

    /** Publishes an alarm of {@code device} and waits for its alert on the SSE stream; the time from publish to alert. */
    Duration alarmToAlert(String device, Duration timeout) throws Exception {
        return timeAlarm(device, timeout).orElseGet(() -> fail("no alert for " + device + " on the SSE stream within "
                + timeout + "; gateway " + onLoop(gateway::status)));
    }

    /** As {@link #alarmToAlert}, empty when the alert did not come within {@code timeout}. */
    Optional<Duration> timeAlarm(String device, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        sim.event(device, EventType.ALARM, Instant.now()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            JsonObject a = stream.poll(left, TimeUnit.NANOSECONDS);
            if (a != null && device.equals(a.getJsonObject("device").getString("id"))) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - start));
            }
        }
        return Optional.empty();
    }

    /**
     * One message of a device of each vendor profile of the site, as the simulator publishes them: the raw material
     * for hostile variants that reach each profile's decoder.
     */
    List<HostileInputs.Sample> samples() throws Exception {
        Map<String, HostileInputs.Sample> byProfile = new LinkedHashMap<>();
        Map<String, String> deviceOfProfile = new LinkedHashMap<>();
        site.devices().forEach(d -> deviceOfProfile.putIfAbsent(d.profile(), d.id()));
        MqttClient capture = new MqttClient(broker.url(), "hostile-capture", null);
        capture.connect();
        try {
            List<String> filters = new ArrayList<>();
            for (String profile : deviceOfProfile.keySet()) {
                VendorProfile p = E2eHarness.PROFILES.find(profile).orElseThrow();
                filters.add(p.topicFor(deviceOfProfile.get(profile)));
            }
            Map<String, byte[]> got = new java.util.concurrent.ConcurrentHashMap<>();
            capture.setCallback(new FirstPerTopic(got));
            capture.subscribe(filters.toArray(String[]::new), filters.stream().mapToInt(f -> 1).toArray());
            sim.publishRound().get(30, TimeUnit.SECONDS);
            E2eHarness.await("a message of every profile", Duration.ofSeconds(20), () -> {
                deviceOfProfile.forEach((profile, device) -> {
                    VendorProfile p = E2eHarness.PROFILES.find(profile).orElseThrow();
                    byte[] payload = got.get(p.topicFor(device));
                    if (payload != null) {
                        byProfile.putIfAbsent(profile, new HostileInputs.Sample(p, device, p.topicFor(device), payload));
                    }
                });
                return byProfile.size() == deviceOfProfile.size();
            }, () -> byProfile.keySet() + " of " + deviceOfProfile.keySet());
        } finally {
            capture.disconnect();
            capture.close();
        }
        return new ArrayList<>(byProfile.values());
    }

    /** Keeps the first payload seen on each topic. */
    private record FirstPerTopic(Map<String, byte[]> got) implements org.eclipse.paho.mqttv5.client.MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            got.putIfAbsent(topic, message.getPayload());
        }

        @Override
        public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties properties) {
        }
    }

    /** A second device-side client for hostile messages, so the alarms' own connection is never disturbed. */
    MqttClient hostileClient(String id) throws MqttException {
        MqttClient c = new MqttClient(broker.url(), id, null);
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setAutomaticReconnect(false);
        c.connect(o);
        return c;
    }

    /** Reads gateway state on its own event loop (its components are confined to it). */
    <T> T onLoop(Supplier<T> read) {
        CompletableFuture<T> r = new CompletableFuture<>();
        gateway.eventLoop().runOnContext(v -> r.complete(read.get()));
        try {
            return r.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the gateway's event loop did not answer within 30 s", e);
        }
    }

    long connects() {
        return onLoop(() -> gateway.mqtt().connects());
    }

    @Override
    public void close() {
        sim.close();
        publisher.close();
        tsdb.close();
    }
}
