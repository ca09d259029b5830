package org.linli.sim.load;

import io.vertx.core.Vertx;
import org.linli.drivers.mqtt.VendorProfiles;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.StorageOptions;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.sim.compound.CompoundGenerator;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.compound.CompoundSpec;
import org.linli.sim.demo.ProfileChoice;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.EmbeddedBroker;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.QuestDbServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./linli load}: the simulator's load mode. Starts a broker (mosquitto when installed, else the embedded
 * one), an embedded time-series server and the gateway, publishes device reports at a target rate, and reports
 * what it sent and how fast the gateway stored it. Figures go to docs/BENCHMARKS.md.
 */
public final class LoadMain {
    static {
        System.setProperty("logback.configurationFile", "linli-logback.xml");
    }

    private LoadMain() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions o = LoadOptions.parse(args);
        Path dir = Files.createTempDirectory("linli-load");
        boolean mosquitto = "mosquitto".equals(o.broker()) || "auto".equals(o.broker()) && MosquittoBroker.available();
        AutoCloseable broker;
        String url;
        if (mosquitto) {
            MosquittoBroker m = new MosquittoBroker(dir.resolve("broker"), false).start();
            broker = m;
            url = m.url();
        } else {
            EmbeddedBroker e = new EmbeddedBroker(dir.resolve("broker"), FreePort.pick()).start();
            broker = e;
            url = e.url();
        }
        try (QuestDbServer db = new QuestDbServer(dir.resolve("questdb")).start()) {
            LoadReport report = run(o, url, mosquitto ? "mosquitto (separate process)" : "HiveMQ CE (in-process)", db, dir);
            System.out.println(report.render());
        } finally {
            broker.close();
        }
        System.exit(0);
    }

    static LoadReport run(LoadOptions o, String brokerUrl, String brokerName, QuestDbServer db, Path dir) throws Exception {
        VendorProfiles profiles = VendorProfiles.builtIn();
        int buildings = Math.max(1, (int) Math.ceil(o.devices() / 72.0));
        CompoundSpec spec = ProfileChoice.demoSpec(profiles).withSize(buildings, 2, 6, 2);
        SiteConfig site = CompoundGenerator.generate(spec,
                MqttOptions.of(brokerUrl, "linli-load").withAlertsTopic("linli/load/alerts"),
                InfluxOptions.of(db.url(), "linli", "load").withTokenEnv("T").withBatch(5000, 200),
                HttpOptions.on("127.0.0.1", 0), StorageOptions.in(dir.resolve("gw").toString()));
        Vertx vertx = Vertx.vertx();
        Gateway gateway = new Gateway(site, VendorProfileCatalog.load(null), name -> "token", Clock.systemUTC());
        vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        gateway.mqtt().firstConnect().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        try (DevicePublisher publisher = new DevicePublisher(brokerUrl, "linli-load-devices");
             CompoundSimulator sim = new CompoundSimulator(site, profiles, publisher, Clock.systemUTC(), o.qos(), 11)) {
            List<String> ids = sim.deviceIds();
            long total = (long) o.rate() * o.seconds();
            Instant base = Instant.now().minusSeconds(total / ids.size() + 60);
            long start = System.nanoTime();
            long sent = 0;
            while (sent < total) {
                // pace in 10 ms slices so the rate is steady rather than bursty
                long due = Math.min(total, (System.nanoTime() - start) / 10_000_000L * o.rate() / 100 + o.rate() / 100);
                for (; sent < due; sent++) {
                    String id = ids.get((int) (sent % ids.size()));
                    sim.report(id, base.plusSeconds(sent / ids.size()));
                }
                Thread.sleep(1);
            }
            publisher.awaitQuiet(120, TimeUnit.SECONDS);
            double publishSeconds = (System.nanoTime() - start) / 1e9;
            long expected = sim.ledger().points();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (gateway.store().stats().acceptedPoints() < expected && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            double endToEnd = (System.nanoTime() - start) / 1e9;
            Runtime rt = Runtime.getRuntime();
            return new LoadReport(o, brokerName, sim.deviceCount(), sent, publisher.acked(), expected,
                    gateway.store().stats().acceptedPoints(), publishSeconds, endToEnd,
                    (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
