package org.linli.sim.centre;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.drivers.mqtt.VendorProfiles;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.gateway.sitefile.SiteFiles;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.ArtemisCluster;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.MosquittoBroker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * A real compound for the centre's end-to-end tests: its own Mosquitto, a real gateway process ({@code GatewayMain
 * run}, a child JVM that can be SIGKILLed and started again on the same data directory) and its simulated gas
 * alarms publishing vendor payloads. The site: building 1 (grid g1: worker 李娜 {@code li}, leader 赵强, 6 floors x 2
 * flats, 1-1-601 an elderly resident living alone) and building 2 (grid g2: worker 陈静 {@code chen}, 2 flats); one
 * gas alarm per flat; a CRITICAL_VULNERABLE alert escalates every {@link #DEADLINE_SECONDS} (leader, then the duty
 * office: level 2 is past the community), other severities never; the grid's WeCom robot is a {@link FakeRobots}
 * key; operator {@code duty}; {@code uplink:} to the given node URIs as street s1, community {@code community},
 * compound {@code id}. Used from test threads only.
 */
final class RealGateway implements AutoCloseable {
    static final int DEADLINE_SECONDS = 4;
    static final List<String> FLATS = flats();
    static final String ELDERLY_FLAT = "1-1-601";
    private static final Pattern CONNECTED = Pattern.compile("uplink connected to (\\S+) as");

    final String id;
    final String community;
    private final Path dir;
    private final Path config;
    private final int httpPort = FreePort.pick();
    private final MosquittoBroker broker;
    private final DevicePublisher publisher;
    private final CompoundSimulator devices;
    private Process process;
    private HttpSession session;

    RealGateway(Path dir, String id, String community, List<String> uplinkUrls, FakeRobots robots) throws Exception {
        this.id = id;
        this.community = community;
        this.dir = dir;
        Files.createDirectories(dir);
        broker = new MosquittoBroker(dir.resolve("mosquitto"), false).start();
        String yaml = yaml(uplinkUrls, robots.baseUrl());
        config = dir.resolve("site.yaml");
        Files.writeString(config, yaml);
        SiteConfig site = SiteFiles.parse(yaml, "site.yaml", VendorProfileCatalog.load(null).deviceTypes(), this::env);
        publisher = new DevicePublisher(broker.url(), "devices-" + id);
        devices = new CompoundSimulator(site, VendorProfiles.builtIn(), publisher, Clock.systemUTC(), 1, 7);
        launch();
    }

    private static List<String> flats() {
        List<String> f = new ArrayList<>();
        for (int floor = 1; floor <= 6; floor++) {
            for (int n = 1; n <= 2; n++) {
                f.add("1-1-" + floor + "0" + n);
            }
        }
        f.add("2-1-101");
        f.add("2-1-102");
        return List.copyOf(f);
    }

    String robotKey() {
        return "grid-" + id;
    }

    private String env(String name) {
        return switch (name) {
            case "LINLI_INFLUX_TOKEN" -> "test-token";
            case "LINLI_UPLINK_PASSWORD" -> ArtemisCluster.compoundPassword(id);
            case "LINLI_GRID_WECOM_KEY" -> robotKey();
            default -> null;
        };
    }

    private String yaml(List<String> uplinkUrls, String robotBaseUrl) {
        StringBuilder devicesYaml = new StringBuilder();
        for (String flat : FLATS) {
            devicesYaml.append("  - {id: gas-").append(flat).append(", type: gas_alarm, profile: acme-gas-flat, location: ")
                    .append(flat).append("}\n");
        }
        return "site:\n  street: 和平街道\n  community: " + community + "\n  compound: 小区" + id + "\n"
                + "  buildings:\n"
                + "    - id: \"1\"\n      units:\n        - id: \"1\"\n          floors: 6\n          flatsPerFloor: 2\n"
                + "          households:\n            - id: \"601\"\n              care: [elderly_living_alone]\n"
                + "              contacts:\n                - {name: 王芳, relation: daughter, phone: \"13800000001\"}\n"
                + "    - id: \"2\"\n      units:\n        - id: \"1\"\n          floors: 1\n          flatsPerFloor: 2\n"
                + "grids:\n"
                + "  - id: g1\n    name: 第一网格\n    buildings: [\"1\"]\n"
                + "    worker: {id: li, name: 李娜, phone: \"13900000001\"}\n"
                + "    leader: {id: zhao, name: 赵强, phone: \"13900000009\"}\n"
                + "  - id: g2\n    name: 第二网格\n    buildings: [\"2\"]\n"
                + "    worker: {id: chen, name: 陈静, phone: \"13900000002\"}\n"
                + "devices:\n" + devicesYaml
                + "mqtt:\n  url: " + broker.url() + "\n  clientId: gw-" + id + "\n"
                + "influx:\n  url: http://127.0.0.1:" + FreePort.pick() + "\n  org: linli\n  bucket: compound\n"
                + "http:\n  host: 127.0.0.1\n  port: " + httpPort + "\n"
                + "storage:\n  dataDir: " + dir.resolve("data") + "\n"
                + "rules:\n  escalation:\n    acceptDeadlineSeconds: {CRITICAL_VULNERABLE: " + DEADLINE_SECONDS
                + ", CRITICAL: 0, MAJOR: 0, MINOR: 0}\n"
                + "    dutyOffice: {id: duty-office, name: 社区值班室, phone: \"02000000000\"}\n"
                + "notify:\n  channels:\n    - id: grid-wecom\n      type: wecom\n      baseUrl: " + robotBaseUrl + "\n"
                + "      keyEnv: LINLI_GRID_WECOM_KEY\n"
                + "users:\n  - {id: duty, name: 小区值班员, role: operator, passwordHash: \"" + HttpSession.HASH + "\"}\n"
                + "uplink:\n  urls: [" + String.join(", ", uplinkUrls) + "]\n  street: s1\n  community: " + community
                + "\n  compound: " + id + "\n  username: " + id + "\n  passwordEnv: LINLI_UPLINK_PASSWORD\n"
                + "  summarySeconds: 5\n";
    }

    /** Starts the gateway process again on the same data directory and logs in once it answers. */
    void restart() throws Exception {
        launch();
        awaitUp();
    }

    /** Starts the gateway process; {@link #awaitUp()} waits for it. */
    private void launch() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx192m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "org.linli.gateway.GatewayMain", "run", "--config",
                config.toString());
        pb.environment().put("LINLI_INFLUX_TOKEN", "test-token");
        pb.environment().put("LINLI_UPLINK_PASSWORD", ArtemisCluster.compoundPassword(id));
        pb.environment().put("LINLI_GRID_WECOM_KEY", robotKey());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        process = pb.start();
    }

    /** Waits until the gateway answers on HTTP, then logs in as its operator. */
    void awaitUp() throws Exception {
        await("gateway " + id + " answering").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("gateway " + id + " exited: " + tail());
                    }
                    return HttpSession.status(httpPort, "/health") == 200;
                });
        session = HttpSession.login(httpPort, "duty");
    }

    /** SIGKILL: no shutdown hook, no clean DISCONNECT (the broker fires the will). */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    Path log() {
        return dir.resolve("gateway.log");
    }

    String tail() {
        try {
            String text = Files.readString(log());
            return text.substring(Math.max(0, text.length() - 4000));
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** The broker node URI of the gateway's last uplink connection, from its own log line; null before any. */
    String uplinkNode() throws Exception {
        Matcher m = CONNECTED.matcher(Files.readString(log()));
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    /** Counts the gateway's uplink connections so far (one log line each). */
    int uplinkConnects() throws Exception {
        Matcher m = CONNECTED.matcher(Files.readString(log()));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    HttpSession http() {
        return session;
    }

    /** The {@code uplink} block of {@code GET /api/status}. */
    JsonObject uplink() throws Exception {
        return session.json("/api/status").getJsonObject("uplink");
    }

    /** A gas alarm in {@code flat} (the device's vendor payload on the compound's own broker, QoS 1). */
    void gasLeak(String flat) throws Exception {
        devices.gasLeak(flat).get(10, TimeUnit.SECONDS);
    }

    /** The gas alarm in {@code flat} clears (the device's own clear event, QoS 1). */
    void gasLeakOver(String flat) throws Exception {
        devices.gasLeakOver(flat).get(10, TimeUnit.SECONDS);
    }

    /** Every alert the gateway holds, by id: {@code GET /api/alerts} (open and recent) and the closed store. */
    Map<String, JsonObject> alerts() throws Exception {
        Map<String, JsonObject> byId = new HashMap<>();
        for (Object o : session.json("/api/alerts/closed?limit=500").getJsonArray("alerts", new JsonArray())) {
            JsonObject a = (JsonObject) o;
            byId.put(a.getString("id"), a);
        }
        for (Object o : session.json("/api/alerts?limit=1000").getJsonArray("alerts", new JsonArray())) {
            JsonObject a = (JsonObject) o;
            byId.merge(a.getString("id"), a, (x, y) -> x.getInteger("version") >= y.getInteger("version") ? x : y);
        }
        return byId;
    }

    /** The open alert of {@code flat}'s gas alarm, or null. */
    JsonObject alertOf(String flat) throws Exception {
        return alerts().values().stream().filter(a -> a.getValue("device") instanceof JsonObject d
                && ("gas-" + flat).equals(d.getString("id"))
                && a.getString("state").matches("OPEN|DEVICE_CLEARED|ACCEPTED|ON_SITE")).findFirst().orElse(null);
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            kill();
        }
        devices.close();
        publisher.close();
        broker.close();
    }
}
