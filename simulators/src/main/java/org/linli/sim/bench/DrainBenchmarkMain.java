package org.linli.sim.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./linli bench}: issue 15's drain benchmark (see {@link BenchOptions#USAGE} and docs/BENCHMARKS.md). Prints a
 * row per run as it ends, then the whole table with the ratios, also written as markdown to {@code --out}.
 */
public final class DrainBenchmarkMain {
    static {
        System.setProperty("logback.configurationFile", "linli-logback.xml");
    }

    private DrainBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions o;
        try {
            o = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path work = Files.createTempDirectory("linli-bench");
        System.out.println("working in " + work);
        BenchReport report = new DrainBenchmark(o, work).run();
        System.out.println();
        System.out.println(report.render());
        System.out.println("written to " + o.out().toAbsolutePath());
        System.exit(0);
    }
}
