package org.linli.sim.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@link CentreScaleBenchmark} runs: how many compounds, how many per community (one simulated fleet per
 * community), the normal alert rate and how long, the storm's rate and how long, the centre's {@code -Xmx}, its
 * jar, and the working directory (brokers' journals, the generated site file, the logs). Parsed from
 * {@code --name value} arguments; every one has a default (docs/BENCHMARKS.md "Centre: 700 compounds").
 */
record CentreScaleOptions(int compounds, int perCommunity, double normalRate, Duration normal, double stormRate,
                          Duration storm, String centreXmx, Path centreJar, Path dir) {

    static CentreScaleOptions parse(String[] args) {
        int compounds = 700;
        int perCommunity = 100;
        double normalRate = 1;
        long normalSeconds = 120;
        double stormRate = 200;
        long stormSeconds = 30;
        String xmx = "128m";
        Path jar = Path.of("centre/target/linli-centre.jar");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "linli-centre-scale");
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--compounds" -> compounds = Integer.parseInt(v);
                case "--per-community" -> perCommunity = Integer.parseInt(v);
                case "--normal-rate" -> normalRate = Double.parseDouble(v);
                case "--normal-seconds" -> normalSeconds = Long.parseLong(v);
                case "--storm-rate" -> stormRate = Double.parseDouble(v);
                case "--storm-seconds" -> stormSeconds = Long.parseLong(v);
                case "--centre-xmx" -> xmx = v;
                case "--centre-jar" -> jar = Path.of(v);
                case "--dir" -> dir = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--compounds --per-community --normal-rate --normal-seconds --storm-rate --storm-seconds"
                        + " --centre-xmx --centre-jar --dir)");
            }
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("option " + args[args.length - 1] + " has no value");
        }
        return new CentreScaleOptions(compounds, perCommunity, normalRate, Duration.ofSeconds(normalSeconds),
                stormRate, Duration.ofSeconds(stormSeconds), xmx, jar, dir);
    }
}
