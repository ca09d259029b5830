package org.linli.sim.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Vertx;
import org.linli.drivers.mqtt.VendorProfiles;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.config.RulesOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.StorageOptions;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.sim.compound.CompoundGenerator;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.compound.CompoundSpec;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.EmbeddedBroker;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.QuestDbServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./linli demo}: the gateway with a simulated compound, end to end, with no external server. An MQTT 5 broker
 * (HiveMQ CE), a time-series server speaking the InfluxDB v2 write API (QuestDB) and two simulated ONVIF cameras
 * ({@link DemoCameras}) run in this JVM; the simulated compound publishes in every vendor format; scripted incidents
 * raise alerts on the live stream. Ports: {@link DemoOptions}.
 */
public final class DemoMain {
    static {
        System.setProperty("logback.configurationFile", "linli-logback.xml");
    }

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(DemoOptions.USAGE);
            return;
        }
        DemoOptions options;
        int httpPort;
        int mqttPort;
        int questPort;
        try {
            options = DemoOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            refuse(e);
            return;
        }
        if (options.community()) {   // --compounds N: a community above the compounds
            CommunityDemo.run(options);
            return;
        }
        try {
            httpPort = port(options.httpPort(), 8080, "--http-port");
            mqttPort = port(options.mqttPort(), 1883, "--mqtt-port");
            questPort = port(options.tsdbPort(), 9000, "--tsdb-port");
        } catch (IllegalArgumentException e) {
            refuse(e);
            return;
        }
        double minutes = options.minutes();
        Path dir = Path.of("data", "demo").toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);

        System.out.println("Linli demo: starting an in-process MQTT broker and time-series server...");
        QuestDbServer db = new QuestDbServer(dir.resolve("questdb"), questPort).start();
        EmbeddedBroker broker = new EmbeddedBroker(dir.resolve("broker"), mqttPort).start();
        DemoCameras cameras = DemoCameras.start();

        VendorProfiles profiles = VendorProfiles.builtIn();
        CompoundSpec spec = ProfileChoice.demoSpec(profiles);
        DemoUsers users = DemoUsers.add(CompoundGenerator.generate(spec,
                MqttOptions.of(broker.url(), "linli-demo-gateway").withAlertsTopic("linli/幸福里/alerts"),
                InfluxOptions.of(db.url(), "linli", "compound").withBatch(2000, 500),
                HttpOptions.on("127.0.0.1", httpPort),
                StorageOptions.in(dir.resolve("gateway").toString())));
        // the simulated devices report every 30 s: expect that, so a silent device is seen within the demo's minutes
        SiteConfig site = users.site().withRules(RulesOptions.defaults()
                .withHeartbeat(Map.of(
                        "gas_alarm", new RulesOptions.HeartbeatOptions(30, 3),
                        "smoke_detector", new RulesOptions.HeartbeatOptions(30, 3),
                        "water_meter", new RulesOptions.HeartbeatOptions(30, 3)))
                .withCheckIntervalSeconds(5)).withCameras(cameras.options());
        new ObjectMapper(new YAMLFactory()).setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                .writeValue(dir.resolve("site.yaml").toFile(), site);

        Vertx vertx = Vertx.vertx();
        Gateway gateway = new Gateway(site, VendorProfileCatalog.load(null), name -> DemoCameras.PASSWORD_ENV.equals(name) ? DemoCameras.PASSWORD : "demo-token", Clock.systemUTC());
        vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        gateway.mqtt().firstConnect().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        DevicePublisher publisher = new DevicePublisher(broker.url(), "linli-demo-devices");
        CompoundSimulator sim = new CompoundSimulator(site, profiles, publisher, Clock.systemUTC(), 1, 42);
        banner(spec, sim.deviceCount(), httpPort, db.url(), dir, users);
        sim.startPeriodic(Duration.ofSeconds(30));
        Scenarios.schedule(sim, vertx);
        vertx.setPeriodic(20_000, id -> System.out.printf("[status] %s%n", StatusLine.of(gateway.status())));

        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            publisher.close();
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // exiting anyway
            }
            broker.close();
            db.close();
            cameras.close();
            done.countDown();
        }, "demo-shutdown"));
        if (minutes > 0) {
            Thread.sleep((long) (minutes * 60_000));
            System.out.printf("[status] %s%n", StatusLine.of(gateway.status()));
            System.exit(0);
        }
        done.await();
    }

    private static void banner(CompoundSpec spec, int devices, int httpPort, String dbUrl, Path dir, DemoUsers users) {
        String api = "http://127.0.0.1:" + httpPort;
        System.out.printf("""

                ==================================================================================
                 Linli demo running: %s, %d buildings, %d households, %d devices
                 (every vendor format; the site file it generated is %s)

                 Operator console (open on a phone or a PC):  %s/
                 Console users (user / password):
                %s
                 The API needs the login too: curl -c jar -H 'Content-Type: application/json' \\
                   -d '{"user":"duty","password":"duty123"}' %s/api/login
                 then with -b jar: %s/api/alerts, %s/api/alerts/stream (curl -N), %s/api/status,
                 %s/api/dead-letters
                 Time series (SQL over HTTP):       %s/exec?query=select%%20*%%20from%%20gas_alarm%%20limit%%2020
                 Time-series web console:           %s

                 Incidents on the way: gas leak at 3-2-501 (elderly resident living alone) in ~15 s,
                 fire in building 7 in ~35 s, water meter water-5-1-201 goes silent in ~50 s (offline alert ~90 s later).
                 Simulated cameras watch buildings 3 and 7: those alerts carry a snapshot (open the alert's card).
                 Ctrl-C to stop.
                ==================================================================================
                %n""", spec.compound(), spec.buildings(), spec.households(), devices, dir.resolve("site.yaml"),
                api, String.join("\n", users.lines().stream().map(l -> "                   " + l).toList()),
                api, api, api, api, api, dbUrl, dbUrl);
    }

    /** Stops the demo for a wrong command line: what is wrong, then the usage. */
    static void refuse(IllegalArgumentException e) {
        System.err.println("linli demo: " + e.getMessage());
        System.err.println(DemoOptions.USAGE);
        System.exit(2);
    }

    /**
     * The port asked for, which must be free; or, none asked for, the well-known port if it is free (so the printed
     * URLs are the familiar ones) and any free port otherwise.
     */
    static int port(int asked, int familiar, String flag) {
        if (asked > 0) {
            if (!free(asked)) {
                throw new IllegalArgumentException(flag + " " + asked + ": the port is in use on 127.0.0.1");
            }
            return asked;
        }
        return free(familiar) ? familiar : FreePort.pick();
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
