package org.linli.sim.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.linli.centre.Centre;
import org.linli.centre.config.CentreSiteFile;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.UserConfig;
import org.linli.sim.servers.ArtemisCluster;
import org.linli.sim.servers.EmbeddedBroker;
import org.linli.sim.servers.QuestDbServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./linli demo --compounds N}: a community (docs/CENTRE.md "The community demo"). In this JVM: a 3-node
 * ActiveMQ Artemis cluster with a login per compound ({@link ArtemisCluster}, {@code ArtemisSecurity}), one device
 * broker and one time-series server shared by the compounds, N small simulated compounds each with its own gateway
 * ({@link CommunityCompound}) sending up to the cluster, and the centre ({@link Centre}) with its console; then the
 * incidents of {@link CommunityIncidents} and one box that goes dark ({@link UplinkCut}). Everything is started on the
 * main thread and stopped by the shutdown hook (Ctrl-C, SIGTERM, {@code --minutes}); the gateways and the centre run
 * on one shared Vert.x.
 *
 * <p>System property {@code linli.demo.timeScale} (default 1) multiplies the timeline's times (tests use 0.2).
 */
final class CommunityDemo {
    static final String TIME_SCALE = "linli.demo.timeScale";

    private CommunityDemo() {
    }

    static void run(DemoOptions options) throws Exception {
        long t0 = System.nanoTime();
        int centrePort;
        int mqttPort;
        int tsdbPort;
        List<Integer> consolePorts = new ArrayList<>();
        try {
            centrePort = DemoMain.port(options.httpPort(), 8090, "--http-port");
            mqttPort = DemoMain.port(options.mqttPort(), 1883, "--mqtt-port");
            tsdbPort = DemoMain.port(options.tsdbPort(), 9000, "--tsdb-port");
            for (int i = 1; i <= options.compounds(); i++) {
                consolePorts.add(DemoMain.port(0, 8080 + i, "console"));
            }
        } catch (IllegalArgumentException e) {
            DemoMain.refuse(e);
            return;
        }
        double scale = Double.parseDouble(System.getProperty(TIME_SCALE, "1"));
        CommunityPlan plan = CommunityPlan.of(options.compounds());
        Path dir = Path.of("data", "demo-community").toAbsolutePath();
        DemoMain.deleteTree(dir);
        Files.createDirectories(dir);

        System.out.printf("Linli community demo: starting a 3-node broker cluster, %d gateways and the centre...%n",
                plan.members().size());
        Stack stack = new Stack();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "demo-shutdown"));
        try {
            start(stack, plan, dir, centrePort, mqttPort, tsdbPort, consolePorts, t0, scale);
        } catch (Exception e) {
            System.err.println("linli demo: cannot start: " + e);
            System.exit(1);
        }
        if (options.minutes() > 0) {
            Thread.sleep((long) (options.minutes() * 60_000));
            System.out.printf("[status] %s%n", status(stack.compounds));
            System.exit(0);
        }
        stack.stopped.await();
    }

    private static void start(Stack stack, CommunityPlan plan, Path dir, int centrePort, int mqttPort, int tsdbPort,
                              List<Integer> consolePorts, long t0, double scale) throws Exception {
        stack.db = new QuestDbServer(dir.resolve("questdb"), tsdbPort).start();
        stack.broker = new EmbeddedBroker(dir.resolve("broker"), mqttPort).start();
        stack.cluster = new ArtemisCluster(dir.resolve("cluster"), 3)
                .withLogins(dir.resolve("cluster-logins"), plan.security(), CentreSite.brokerUsers())
                .start(Duration.ofSeconds(90));
        List<String> nodes = stack.cluster.mqttUris();
        stack.darkLine = new UplinkCut(nodes);

        Map<String, CommunityCompound> compounds = new LinkedHashMap<>();
        DemoUsers logins = null;
        for (CommunityPlan.Member m : plan.members()) {
            Path home = Files.createDirectories(dir.resolve(m.id()));
            SiteConfig site = CommunityCompound.site(m, home, stack.broker.url(), stack.db.url(),
                    consolePorts.get(m.index() - 1), m.equals(plan.dark()) ? stack.darkLine.urls() : nodes);
            if (logins == null) {   // every compound has the same grids: hash the demo passwords once
                logins = DemoUsers.add(site);
            }
            List<UserConfig> users = logins.site().users();
            compounds.put(m.id(), CommunityCompound.create(m, site, users, home));
        }
        stack.compounds.addAll(compounds.values());
        stack.vertx = Vertx.vertx();
        List<Future<Void>> started = compounds.values().stream().map(c -> c.startGateway(stack.vertx)).toList();
        Future.all(started).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        long seed = 42;
        for (CommunityCompound c : compounds.values()) {
            c.startDevices(stack.broker.url(), seed);
            seed += 1000;
        }
        CommunityIncidents.sendInactiveHistory(plan, compounds);
        compounds.values().forEach(CommunityCompound::startPeriodicReports);

        CentreSiteFile centreSite = CentreSite.write(dir.resolve("centre.yaml"), plan, nodes, centrePort);
        Centre.deploy(stack.vertx, centreSite, CentreSite::env).toCompletionStage().toCompletableFuture()
                .get(60, TimeUnit.SECONDS);

        double startSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.print(CommunityBanner.text(plan, List.copyOf(compounds.values()), logins.lines(), centrePort,
                nodes, stack.broker.url(), stack.db.url(), dir, startSeconds, scale));
        CommunityIncidents.schedule(stack.vertx, plan, compounds, stack.darkLine, scale);
        stack.vertx.setPeriodic(30_000, id -> System.out.printf("[status] %s%n", status(compounds.values())));
    }

    /** One line: how many uplinks are connected, and the state of those that are not. */
    private static String status(Iterable<CommunityCompound> compounds) {
        int connected = 0;
        int all = 0;
        List<String> others = new ArrayList<>();
        for (CommunityCompound c : compounds) {
            all++;
            String state = c.uplinkState();
            if ("CONNECTED".equals(state)) {
                connected++;
            } else {
                others.add(c.member().name() + " " + state);
            }
        }
        return "uplinks connected " + connected + "/" + all + (others.isEmpty() ? "" : " (" + String.join(", ", others) + ")");
    }

    /** What runs, stopped in reverse order by the shutdown hook (Ctrl-C, --minutes, or a failed start). */
    private static final class Stack {
        final List<CommunityCompound> compounds = new ArrayList<>();
        final CountDownLatch stopped = new CountDownLatch(1);
        QuestDbServer db;
        EmbeddedBroker broker;
        ArtemisCluster cluster;
        UplinkCut darkLine;
        Vertx vertx;

        void stop() {
            compounds.forEach(CommunityCompound::close);
            if (vertx != null) {
                try {   // the gateways publish "stopped" and disconnect; the centre closes its links
                    vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // exiting anyway
                }
            }
            if (darkLine != null) {
                darkLine.close();
            }
            if (cluster != null) {
                cluster.close();
            }
            if (broker != null) {
                broker.close();
            }
            if (db != null) {
                db.close();
            }
            stopped.countDown();
        }
    }
}
