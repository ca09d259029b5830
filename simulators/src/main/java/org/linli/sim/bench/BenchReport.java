package org.linli.sim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The table of every run, the ratios gateway ÷ Node-RED measured in the same invocation (medians of the runs of the
 * same work), and the machine; printed as text and written as markdown, ready to paste into docs/BENCHMARKS.md.
 */
final class BenchReport {
    private final List<BenchRow> rows = new ArrayList<>();
    private final List<String> facts = new ArrayList<>();
    /** Peer and QoS → each ladder's ceiling, in run order. */
    private final Map<String, List<Ceiling>> ceilingRuns = new LinkedHashMap<>();

    /** One ladder's ceiling; {@code lowerBound}: it never fell behind, so the real ceiling is above its top step. */
    private record Ceiling(double rate, boolean lowerBound) {
    }

    void fact(String line) {
        facts.add(line);
    }

    void add(BenchRow row) {
        rows.add(row);
        System.out.println(row.markdown());
    }

    /** {@code lowerBound}: the ladder never fell behind, so the real ceiling is higher than its top step. */
    void ceiling(String peer, int qos, double rate, boolean lowerBound) {
        ceilingRuns.computeIfAbsent(peer + " QoS " + qos, k -> new ArrayList<>()).add(new Ceiling(rate, lowerBound));
    }

    /** The median of the ladders' ceilings for {@code peer} at {@code qos} (the lower middle one of an even count). */
    double medianCeiling(String peer, int qos) {
        Ceiling c = median(peer + " QoS " + qos);
        return c == null ? 0 : c.rate();
    }

    private Ceiling median(String key) {
        List<Ceiling> runs = ceilingRuns.get(key);
        if (runs == null || runs.isEmpty()) {
            return null;
        }
        List<Ceiling> sorted = runs.stream().sorted(java.util.Comparator.comparingDouble(Ceiling::rate)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String shown(Ceiling c) {
        return (c.lowerBound() ? "≥ " : "") + String.format("%,.0f", c.rate());
    }

    String render() {
        StringBuilder b = new StringBuilder();
        facts.forEach(f -> b.append("- ").append(f).append('\n'));
        b.append('\n').append(BenchRow.HEADER).append('\n').append("|---".repeat(14)).append("|\n");
        rows.forEach(r -> b.append(r.markdown()).append('\n'));
        if (!ceilingRuns.isEmpty()) {
            b.append('\n');
            ceilingRuns.forEach((k, runs) -> {
                Ceiling m = median(k);
                b.append(String.format("- live ceiling (highest rate offered that kept up, stored within %.0f s), %s: "
                                + "median %s msg/s%s; each ladder: %s%n", LiveLadder.KEEPS_UP_SECONDS, k, shown(m),
                        m.lowerBound() ? " (kept up at every step: the ladder's top, not the ceiling)" : "",
                        String.join(" / ", runs.stream().map(BenchReport::shown).toList())));
            });
        }
        List<String> ratios = ratios();
        if (!ratios.isEmpty()) {
            b.append("\nRatios gateway ÷ Node-RED, medians of the runs above (same invocation, runs alternated):\n\n");
            ratios.forEach(r -> b.append("- ").append(r).append('\n'));
        }
        return b.toString();
    }

    private List<String> ratios() {
        List<String> out = new ArrayList<>();
        Map<String, List<BenchRow>> byWork = new LinkedHashMap<>();
        // cold and warm drains (--warm) compared apart: a warm drain has no start-up in it
        rows.stream().filter(r -> r.mode().equals("backlog") || r.mode().equals("backlog, warm"))
                .forEach(r -> byWork.computeIfAbsent(String.format("%sbacklog %,d QoS %d", r.mode().equals("backlog") ? "" : "warm ",
                        r.messages(), r.qos()), k -> new ArrayList<>()).add(r));
        byWork.forEach((work, runs) -> {
            List<BenchRow> gw = runs.stream().filter(r -> r.peer().equals("gateway") && !r.note().startsWith("stalled")).toList();
            List<BenchRow> nr = runs.stream().filter(r -> r.peer().equals("node-red")).toList();
            if (gw.isEmpty() || nr.isEmpty()) {
                return;
            }
            List<BenchRow> nrDone = nr.stream().filter(r -> !r.note().startsWith("stalled")).toList();
            if (nrDone.isEmpty()) {
                out.add(work + ": Node-RED never finished (" + String.join("; ", nr.stream().map(BenchRow::note).toList())
                        + "); gateway " + String.format("%,.0f msg/s", median(gw, BenchRow::rate)));
                return;
            }
            double fromStart = median(gw, BenchRow::fromStart) / median(nrDone, BenchRow::fromStart);
            out.add(String.format("%s: throughput %.1f× (%,.0f vs %,.0f msg/s), %sCPU per message %.1f× lower",
                    work, median(gw, BenchRow::rate) / median(nrDone, BenchRow::rate), median(gw, BenchRow::rate),
                    median(nrDone, BenchRow::rate), Double.isNaN(fromStart) ? "" : String.format("from process start %.1f×, ", fromStart),
                    median(nrDone, BenchRow::cpuMicros) / median(gw, BenchRow::cpuMicros)));
        });
        ceilingRuns.keySet().forEach(k -> {
            if (k.startsWith("gateway")) {
                Ceiling gw = median(k);
                Ceiling nr = median(k.replace("gateway", "node-red"));
                if (nr != null && nr.rate() > 0) {
                    out.add(String.format("live ceiling %s (medians): %s%.1f× (%s vs %s msg/s)", k.replace("gateway ", ""),
                            nr.lowerBound() ? "at most " : gw.lowerBound() ? "at least " : "", gw.rate() / nr.rate(),
                            shown(gw), shown(nr)));
                }
            }
        });
        List<BenchRow> gwLive = rows.stream().filter(r -> r.peer().equals("gateway") && r.mode().startsWith("live") && r.note().equals("keeps up")).toList();
        List<BenchRow> nrLive = rows.stream().filter(r -> r.peer().equals("node-red") && r.mode().startsWith("live") && r.note().equals("keeps up")).toList();
        if (!gwLive.isEmpty() && !nrLive.isEmpty()) {
            out.add(String.format("CPU per message at live rates that kept up: %.1f× lower (%.1f vs %.1f µs)",
                    median(nrLive, BenchRow::cpuMicros) / median(gwLive, BenchRow::cpuMicros),
                    median(gwLive, BenchRow::cpuMicros), median(nrLive, BenchRow::cpuMicros)));
        }
        return out;
    }

    private static double median(List<BenchRow> rows, ToDoubleFunction<BenchRow> f) {
        double[] v = rows.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, render());
    }

    List<BenchRow> rows() {
        return List.copyOf(rows);
    }
}
