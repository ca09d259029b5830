package org.linli.sim.centre;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.sim.servers.ArtemisCluster;
import org.linli.sim.servers.ArtemisSecurity;
import org.linli.sim.servers.TcpProxy;
import org.linli.sim.uplink.SimulatedUplinks;
import org.linli.sim.uplink.UplinkOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;

/**
 * The community and street of the end-to-end tests, on real components: a 3-node Artemis cluster (each node its own
 * JVM, per-compound security), real gateways g1, g2 (community c1) and g3 (community c2) each with its own devices
 * and Mosquitto (gateway i lists the nodes starting at node i, so they spread; a gateway named in
 * {@code proxied} reaches each node through a {@link TcpProxy} that the test can cut), {@code simulated} lightweight
 * compounds x1..xN (community c3), a WeCom robot for every grid and the street, and centre replicas as JVMs. The
 * centre's users (password {@link HttpSession#PASSWORD}): {@code wangfang} duty of c1, {@code anding} duty of c2,
 * {@code street-duty} duty of street s1. One rig per test class.
 */
final class CentreRig implements AutoCloseable {
    static final String STREET = "s1";
    static final List<String> REAL = List.of("g1", "g2", "g3");

    final ArtemisCluster cluster;
    final FakeRobots robots;
    final Map<String, RealGateway> gateways = new LinkedHashMap<>();
    final Map<String, List<TcpProxy>> proxies = new LinkedHashMap<>();
    final List<CentreReplica> replicas = new ArrayList<>();
    final SimulatedUplinks uplinks;
    final long startMs;

    private CentreRig(Path dir, int simulated, int replicaCount, Set<String> proxied) throws Exception {
        long t0 = System.nanoTime();
        List<ArtemisSecurity.Compound> compounds = new ArrayList<>();
        for (String g : REAL) {
            compounds.add(new ArtemisSecurity.Compound(STREET, communityOf(g), g));
        }
        for (int i = 1; i <= simulated; i++) {
            compounds.add(new ArtemisSecurity.Compound(STREET, "c3", "x" + i));
        }
        java.nio.file.Files.createDirectories(dir.resolve("cluster"));
        cluster = new ArtemisCluster(dir.resolve("cluster"), 3).inProcesses()
                .withLogins(dir.resolve("logins"), new ArtemisSecurity(compounds),
                        Map.of("centre", CentreReplica.BROKER_PASSWORD))
                .start(Duration.ofSeconds(120));
        robots = new FakeRobots();
        for (int i = 0; i < REAL.size(); i++) {
            String g = REAL.get(i);
            List<String> urls = new ArrayList<>(cluster.mqttUris());
            Collections.rotate(urls, -i);
            if (proxied.contains(g)) {
                List<TcpProxy> ps = new ArrayList<>();
                for (String u : urls) {
                    ps.add(TcpProxy.inFrontOf(u));
                }
                proxies.put(g, ps);
                urls = ps.stream().map(TcpProxy::uri).toList();
            }
            gateways.put(g, new RealGateway(dir.resolve(g), g, communityOf(g), urls, robots));
        }
        String site = centreSite(simulated);
        for (int r = 0; r < replicaCount; r++) {
            replicas.add(new CentreReplica(dir.resolve("centre"), "r" + (char) ('a' + r), site));
        }
        uplinks = simulated == 0 ? null : SimulatedUplinks.start(UplinkOptions.of(cluster.mqttUris(), STREET, "c3",
                simulated).withLogin(ArtemisCluster::compoundPassword).withSummaryInterval(Duration.ofSeconds(5)));
        for (RealGateway g : gateways.values()) {
            g.awaitUp();
        }
        for (CentreReplica c : replicas) {
            c.awaitReady(Duration.ofSeconds(90));
        }
        // every compound shown reachable by every replica: the routes from every node to every replica exist
        int total = REAL.size() + simulated;
        for (CentreReplica c : replicas) {
            HttpSession street = c.login("street-duty");
            await("centre " + c.replica + " sees every compound reachable").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500)).until(() -> reachable(street.json("/api/tree")) == total);
        }
        startMs = (System.nanoTime() - t0) / 1_000_000;
    }

    static CentreRig start(Path dir, int simulated, int replicas, Set<String> proxied) throws Exception {
        return new CentreRig(dir, simulated, replicas, proxied);
    }

    static String communityOf(String gateway) {
        return "g3".equals(gateway) ? "c2" : "c1";
    }

    RealGateway gateway(String id) {
        return gateways.get(id);
    }

    /** Cuts (true) or restores (false) every relay between gateway {@code id} and the cluster. */
    void cut(String id, boolean cut) {
        proxies.get(id).forEach(p -> {
            if (cut) {
                p.cut();
            } else {
                p.restore();
            }
        });
    }

    /** How many compounds of a {@code /api/tree} answer are reachable. */
    static long reachable(JsonObject tree) {
        return compounds(tree).stream().filter(c -> c.getBoolean("reachable", false)).count();
    }

    static List<JsonObject> compounds(JsonObject tree) {
        List<JsonObject> all = new ArrayList<>();
        for (Object s : tree.getJsonArray("streets", new JsonArray())) {
            for (Object c : ((JsonObject) s).getJsonArray("communities")) {
                for (Object x : ((JsonObject) c).getJsonArray("compounds")) {
                    all.add((JsonObject) x);
                }
            }
        }
        return all;
    }

    private String centreSite(int simulated) {
        StringBuilder sims = new StringBuilder();
        for (int i = 1; i <= simulated; i++) {
            sims.append("          - {id: x").append(i).append(", name: 模拟小区x").append(i).append("}\n");
        }
        List<String> uris = cluster.mqttUris();
        return "centre:\n  host: 127.0.0.1\n  port: ${PORT}\n  unreachableAfterSeconds: 45\n  streetEscalationLevel: 2\n"
                + "broker:\n  urls: [" + String.join(", ", uris) + "]\n  username: centre\n"
                + "  passwordEnv: LINLI_CENTRE_BROKER_PASSWORD\n"
                + "streets:\n  - id: " + STREET + "\n    name: 和平街道\n"
                + "    dutyRobot: {type: wecom, url: \"" + robots.url(FakeRobots.STREET_KEY) + "\"}\n"
                + "    communities:\n"
                + "      - id: c1\n        name: 和平里社区\n        compounds:\n"
                + "          - {id: g1, name: 和平里一区}\n          - {id: g2, name: 和平里二区}\n"
                + "      - id: c2\n        name: 安定门社区\n        compounds:\n          - {id: g3, name: 安定门小区}\n"
                + (simulated == 0 ? "" : "      - id: c3\n        name: 模拟社区\n        compounds:\n" + sims)
                + "users:\n"
                + user("wangfang", "王芳（和平里社区值班）", "community: c1")
                + user("anding", "安定门社区值班", "community: c2")
                + user("street-duty", "李强（街道）", "street: " + STREET);
    }

    private static String user(String id, String name, String scope) {
        return "  - id: " + id + "\n    name: " + name + "\n    role: duty\n    scope: {" + scope + "}\n"
                + "    passwordHash: \"" + HttpSession.HASH + "\"\n";
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(replicas);
        if (uplinks != null) {
            all.add(uplinks);
        }
        all.addAll(gateways.values());
        proxies.values().forEach(all::addAll);
        all.add(robots);
        all.add(cluster);
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                // closing the rest anyway
            }
        }
    }
}
