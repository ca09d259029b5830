package org.linli.sim.bench;

import org.linli.drivers.mqtt.VendorProfiles;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.StorageOptions;
import org.linli.sim.compound.CompoundGenerator;
import org.linli.sim.compound.CompoundSpec;
import org.linli.sim.demo.ProfileChoice;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.VictoriaMetricsServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One run's servers, fresh for every run so that no run inherits another's queue or storage: a Mosquitto broker set
 * to queue a whole backlog for an offline persistent session ({@link #BROKER_SETTINGS}) and a VictoriaMetrics
 * server; and the peer under test, built on them. Used from the harness's main thread.
 */
final class BenchRig implements AutoCloseable {
    /**
     * Added to {@link MosquittoBroker}'s own settings ({@code max_queued_messages 1000000},
     * {@code max_inflight_messages 0}: no limit): queue QoS 0 messages for offline persistent sessions too (off by
     * default), no byte limit on a client's queue, no memory limit, no in-flight byte limit.
     */
    static final String BROKER_SETTINGS = String.join("\n",
            "queue_qos0_messages true", "max_queued_bytes 0", "memory_limit 0", "max_inflight_bytes 0");

    private static final VendorProfiles PROFILES = VendorProfiles.builtIn();

    final Path dir;
    final MosquittoBroker broker;
    final VictoriaMetricsServer server;
    final VictoriaMetricsCounts serverCounts;
    final SiteConfig site;
    final int httpPort = FreePort.pick();

    /** {@code lifeSafetyConnection}: the gateway's site file turns {@code mqtt.lifeSafetyConnection} on. */
    BenchRig(Path dir, int devices, String clientId, boolean lifeSafetyConnection) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        broker = new MosquittoBroker(dir.resolve("broker"), false).withConfig(BROKER_SETTINGS).start();
        server = new VictoriaMetricsServer(dir.resolve("vm")).start();
        serverCounts = new VictoriaMetricsCounts(server.url());
        SiteConfig generated = site(devices, broker.url(), clientId, server.url(), httpPort, dir.resolve("gateway-data"));
        site = generated.withMqtt(generated.mqtt().withLifeSafetyConnection(lifeSafetyConnection));
    }

    /** The compound: {@code devices} MQTT devices (a gas alarm, a smoke detector and a water meter a flat) over every vendor profile. */
    static SiteConfig site(int devices, String brokerUrl, String clientId, String serverUrl, int httpPort, Path data) {
        int buildings = Math.max(1, (int) Math.ceil(devices / 72.0)); // 2 units × 6 floors × 2 flats × 3 devices
        CompoundSpec spec = ProfileChoice.demoSpec(PROFILES).withSize(buildings, 2, 6, 2);
        return CompoundGenerator.generate(spec, MqttOptions.of(brokerUrl, clientId).withAlertsTopic("linli/bench/alerts"),
                InfluxOptions.of(serverUrl, "linli", "bench"), HttpOptions.on("127.0.0.1", httpPort),
                StorageOptions.in(data.toString()));
    }

    static VendorProfiles profiles() {
        return PROFILES;
    }

    Peer peer(String name, BenchOptions o, NodeRedInstall nodeRed) throws IOException {
        if (name.equals("gateway")) {
            return new GatewayPeer(site, httpPort, dir.resolve("gateway"), o.gatewayJava(), o.gatewayLaunch());
        }
        return new NodeRedPeer(nodeRed, dir.resolve("node-red"), "127.0.0.1", broker.port(), "bench-node-red",
                server.url(), serverCounts, FreePort.pick());
    }

    @Override
    public void close() {
        broker.close();
        server.close();
    }
}
