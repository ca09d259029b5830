package org.linli.sim.bench;

import org.linli.sim.servers.ArtemisCluster;
import org.linli.sim.servers.ArtemisNodeMain;
import org.linli.sim.servers.ArtemisSecurity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The centre at district scale (docs/BENCHMARKS.md "Centre: 700 compounds (issue 12)"): a 3-node Artemis cluster as
 * three JVMs with per-compound security, the centre as its own JVM with an explicit {@code -Xmx}, and in this JVM
 * the simulated compounds and a street user's console stream. Prints the figures as Markdown table rows. Run with
 * {@code java -Xss512k -cp <simulators classpath> org.linli.sim.bench.CentreScaleBenchmark [options]}
 * ({@link CentreScaleOptions}). Runs on the main thread; the compounds, the load and the stream have their own.
 */
public final class CentreScaleBenchmark {
    private static final String CENTRE_PASSWORD = "bench-centre-secret";

    private CentreScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CentreScaleOptions o = CentreScaleOptions.parse(args);
        Path dir = o.dir().resolve("run-" + Instant.now().toString().replace(':', '-'));
        Files.createDirectories(dir.resolve("brokers"));
        List<CentreScaleSite.Community> communities = CentreScaleSite.communities(o.compounds(), o.perCommunity());
        List<ArtemisSecurity.Compound> secured = new ArrayList<>();
        communities.forEach(c -> {
            for (int n = 1; n <= c.compounds(); n++) {
                secured.add(new ArtemisSecurity.Compound("s1", c.id(), c.idPrefix() + n));
            }
        });
        List<String> out = new Printed();
        out.add("machine: " + CentreScaleMachine.describe());
        say("starting the cluster (3 node JVMs) in " + dir);
        try (ArtemisCluster cluster = new ArtemisCluster(dir.resolve("brokers"), 3)
                .withLogins(dir.resolve("logins"), new ArtemisSecurity(secured), Map.of("centre", CENTRE_PASSWORD))
                .inProcesses().start(Duration.ofSeconds(180))) {
            List<Long> brokers = ProcessHandle.current().children().map(ProcessHandle::pid)
                    .filter(pid -> CentreScaleMemory.commandLine(pid).contains(ArtemisNodeMain.class.getName()))
                    .toList();
            long t0 = System.nanoTime();
            say("starting " + o.compounds() + " compounds in " + communities.size() + " communities");
            try (CentreScaleRun run = new CentreScaleRun(communities, cluster.mqttUris(), true)) {
                long connectMs = run.awaitConnected(t0, Duration.ofSeconds(300));
                say("connected in " + connectMs + " ms; starting the centre -Xmx" + o.centreXmx());
                long c0 = System.nanoTime();
                try (CentreScaleCentre centre = CentreScaleCentre.start(o.centreJar(), o.centreXmx(), dir,
                        communities, cluster.mqttUris(), "centre", CENTRE_PASSWORD)) {
                    long reachableMs = run.openConsole(centre.port(), Duration.ofSeconds(180));
                    boolean resent = centre.awaitLog("every compound answered resend", Duration.ofSeconds(180));
                    long resendMs = (System.nanoTime() - c0) / 1_000_000;
                    out.add(String.format("compounds connected in %,d ms (%d fleet threads); centre: every compound"
                                    + " reachable %,d ms after its start; resend to all answered: %s after %,d ms",
                            connectMs, run.fleet().threads(), reachableMs, resent, resendMs));
                    out.add("| when | picture | centre heap after full GC | centre RSS | brokers' RSS (3 nodes)"
                            + " | compounds' JVM RSS |");
                    out.add(memoryRow("idle (no alerts)", run, centre, brokers));
                    say("normal phase: " + o.normalRate() + "/s for " + o.normal());
                    CentreScaleLatencies normal = run.phase("normal " + o.normalRate() + "/s for "
                            + o.normal().toSeconds() + " s", o.normalRate(), o.normal(), Duration.ofSeconds(60));
                    out.add(memoryRow("after the normal phase", run, centre, brokers));
                    say("storm: " + o.stormRate() + "/s for " + o.storm());
                    CentreScaleLatencies storm = run.phase("storm " + o.stormRate() + "/s for "
                            + o.storm().toSeconds() + " s", o.stormRate(), o.storm(), Duration.ofSeconds(120));
                    out.add(memoryRow("after the storm", run, centre, brokers));
                    CentreScaleRun.Replay replay = run.replay(Duration.ofSeconds(120));
                    out.add("| phase | raised | on the console | p50 | p99 | max |");
                    out.add(normal.row());
                    out.add(storm.row());
                    out.add(String.format("second console's replay: %,d events (compounds + alerts), %,.1f MB, %,d ms;"
                                    + " centre alive: %s", replay.count(), replay.bytes() / 1e6, replay.millis(),
                            centre.alive()));
                    CentreScaleRun.Listing list = run.listAll();
                    out.add(String.format("GET /api/alerts?state=all: HTTP %d, %,.1f MB in %,d ms; centre alive: %s",
                            list.status(), list.bytes() / 1e6, list.millis(), centre.alive()));
                    out.add(memoryRow("after the replay and the list", run, centre, brokers));
                    out.add("machine after: " + CentreScaleMachine.describe());
                }
            }
        }
        System.exit(0);
    }

    private static String memoryRow(String when, CentreScaleRun run, CentreScaleCentre centre, List<Long> brokers)
            throws Exception {
        double heap = CentreScaleMemory.heapAfterGcMb(centre.pid());
        CentreScaleMemory.Resident rss = CentreScaleMemory.resident(centre.pid());
        StringBuilder b = new StringBuilder();
        for (long pid : brokers) {
            CentreScaleMemory.Resident r = CentreScaleMemory.resident(pid);
            b.append(b.isEmpty() ? "" : " / ").append(r.rssMb());
        }
        CentreScaleMemory.Resident self = CentreScaleMemory.resident(ProcessHandle.current().pid());
        return String.format("| %s | %,.0f alerts | %.1f MB | %d MB (peak %d) | %s MB | %d MB |", when,
                run.metric("linli_centre_picture_alerts"), heap, rss.rssMb(), rss.peakMb(), b, self.rssMb());
    }

    /** The figures, each printed on standard output as it is added (a run that fails half-way keeps its rows). */
    private static final class Printed extends ArrayList<String> {
        @Override
        public boolean add(String line) {
            System.out.println(line);
            return super.add(line);
        }
    }

    private static void say(String s) {
        System.err.println(Instant.now() + " CentreScaleBenchmark: " + s);
    }
}
