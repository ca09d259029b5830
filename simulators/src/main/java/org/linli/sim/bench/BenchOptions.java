package org.linli.sim.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@code ./linli bench} ({@link DrainBenchmarkMain}). With none of {@code --backlog},
 * {@code --live}, {@code --alert-latency}, the backlog runs alone.
 *
 * @param peer            "" or "node-red": also run the same work on the peer, alternating with the gateway
 * @param messages        backlog sizes
 * @param runs            runs of each backlog size and QoS, and of the live ladder
 * @param qos             publish QoS values (the gateway and Node-RED subscribe at QoS 1)
 * @param devices         MQTT devices in the generated site (every vendor profile)
 * @param ladder          live rates, msg/s, in order
 * @param stepSeconds     length of one live step
 * @param alertCeiling    the ceiling the alert-latency run loads to (0: measure it with a ladder first)
 * @param peerTimeout     seconds without a stored message after which a drain is reported stalled
 * @param gatewayLaunch   what follows {@code java} to run the gateway: the JVM options and {@code -jar <jar>}
 * @param gatewayJava     the {@code java} the gateway runs on: by default this JVM's own, {@code --gateway-java} another
 *                        (e.g. a second JDK on the machine, to compare runtimes on the same work)
 * @param nodeRedDir      where Node-RED and Node 22 are installed (reused when present)
 * @param nodeRedVersion  the Node-RED version installed from npm
 * @param out             the markdown file the table is also written to
 * @param lifeSafetyConnection the gateway's site file turns {@code mqtt.lifeSafetyConnection} on
 * @param metersOnlyBackground the alert-latency run's background is the water meters' reports only (a workload of its
 *                        own, labelled as such: by default it is every device's reports in turn)
 * @param warm            after each backlog drain, the same (now warm) process drains a second backlog of that size
 */
public record BenchOptions(String peer, List<Integer> messages, int runs, List<Integer> qos, int devices,
                           boolean backlog, boolean live, boolean alertLatency, List<Integer> ladder, int stepSeconds,
                           int alertCeiling, int peerTimeout, List<String> gatewayLaunch, Path gatewayJava, Path nodeRedDir,
                           String nodeRedVersion, Path out, boolean lifeSafetyConnection, boolean metersOnlyBackground,
                           boolean warm) {

    /** The {@code java} of this JVM: the gateway's unless {@code --gateway-java} names another. */
    public static final Path OWN_JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    public static final String USAGE = """
            ./linli bench [--peer node-red] [--messages 20000,200000] [--runs 3] [--qos 0|1|both] [--devices 6000]
                          [--backlog [--warm]] [--live] [--alert-latency] [--ladder 5000,10000,15000,20000,25000,30000]
                          [--step-seconds 10] [--ceiling N] [--peer-timeout 60] [--gateway-jar FILE]
                          [--gateway-jvm-opts "-Xmx256m ..."] [--gateway-java FILE] [--node-red-dir DIR]
                          [--node-red-version 5.0.7]
                          [--out target/drain-benchmark.md] [--life-safety-connection] [--alert-background all|meters]""";

    public boolean nodeRed() {
        return "node-red".equals(peer);
    }

    public static BenchOptions parse(String... args) {
        String peer = "";
        List<Integer> messages = List.of(20_000, 200_000);
        int runs = 3;
        List<Integer> qos = List.of(1, 0);
        int devices = 6000;
        boolean backlog = false;
        boolean live = false;
        boolean alerts = false;
        boolean warm = false;
        List<Integer> ladder = List.of(5_000, 10_000, 15_000, 20_000, 25_000, 30_000);
        int stepSeconds = 10;
        int ceiling = 0;
        int peerTimeout = 60;
        String jar = "gateway/target/linli-gateway.jar";
        String jvmOpts = "";
        Path gatewayJava = OWN_JAVA;
        List<String> classpathLaunch = null;
        Path nodeRedDir = Path.of(System.getProperty("java.io.tmpdir"), "linli-bench-node-red");
        String nodeRedVersion = "5.0.7";
        Path out = Path.of("target", "drain-benchmark.md");
        boolean lifeSafety = false;
        boolean metersOnly = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--backlog" -> backlog = true;
                case "--live" -> live = true;
                case "--alert-latency" -> alerts = true;
                case "--life-safety-connection" -> lifeSafety = true;
                case "--warm" -> warm = true;
                case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--peer" -> {
                            if (!v.equals("node-red") && !v.equals("none")) {
                                throw new IllegalArgumentException("--peer: node-red or none, not " + v);
                            }
                            peer = v.equals("none") ? "" : v;
                        }
                        case "--messages" -> messages = ints(a, v);
                        case "--runs" -> runs = ints(a, v).get(0);
                        case "--qos" -> qos = switch (v) {
                            case "0" -> List.of(0);
                            case "1" -> List.of(1);
                            case "both" -> List.of(1, 0);
                            default -> throw new IllegalArgumentException("--qos: 0, 1 or both, not " + v);
                        };
                        case "--devices" -> devices = ints(a, v).get(0);
                        case "--ladder" -> ladder = ints(a, v);
                        case "--step-seconds" -> stepSeconds = ints(a, v).get(0);
                        case "--ceiling" -> ceiling = ints(a, v).get(0);
                        case "--peer-timeout" -> peerTimeout = ints(a, v).get(0);
                        case "--gateway-jar" -> jar = v;
                        case "--gateway-jvm-opts" -> jvmOpts = v;
                        case "--gateway-java" -> gatewayJava = Path.of(v).toAbsolutePath();
                        case "--gateway-classpath" -> classpathLaunch = List.of("-cp", v, "org.linli.gateway.GatewayMain");
                        case "--node-red-dir" -> nodeRedDir = Path.of(v);
                        case "--node-red-version" -> nodeRedVersion = v;
                        case "--out" -> out = Path.of(v);
                        case "--alert-background" -> metersOnly = switch (v) {
                            case "all" -> false;
                            case "meters" -> true;
                            default -> throw new IllegalArgumentException("--alert-background: all or meters, not " + v);
                        };
                        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
                    }
                }
            }
        }
        if (!backlog && !live && !alerts) {
            backlog = true;
        }
        if (warm && !backlog) {
            throw new IllegalArgumentException("--warm drains a second backlog after each backlog run: give it with --backlog");
        }
        List<String> launch = new ArrayList<>(Arrays.stream(jvmOpts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        launch.addAll(classpathLaunch != null ? classpathLaunch : List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
        return new BenchOptions(peer, messages, runs, qos, devices, backlog, live, alerts, ladder, stepSeconds, ceiling,
                peerTimeout, List.copyOf(launch), gatewayJava, nodeRedDir, nodeRedVersion, out, lifeSafety, metersOnly, warm);
    }

    private static List<Integer> ints(String option, String v) {
        try {
            List<Integer> out = Arrays.stream(v.split(",")).map(String::trim).map(Integer::parseInt).toList();
            if (out.isEmpty() || out.stream().anyMatch(n -> n < 0)) {
                throw new NumberFormatException(v);
            }
            return out;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": a number or a comma-separated list, not " + v);
        }
    }
}
