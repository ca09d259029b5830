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
    private final Map<String, Double> liveCeilings = new LinkedHashMap<>();
    private final java.util.Set<String> lowerBounds = new java.util.HashSet<>();

    void fact(String line) {
        facts.add(line);
    }

    void add(BenchRow row) {
        rows.add(row);
        System.out.println(row.markdown());
    }

    /** {@code lowerBound}: the ladder never fell behind, so the real ceiling is higher than its top step. */
    void ceiling(String peer, int qos, double rate, boolean lowerBound) {
        liveCeilings.merge(peer + " QoS " + qos, rate, Math::max);
        if (lowerBound) {
            lowerBounds.add(peer + " QoS " + qos);
        }
    }

    String render() {
        StringBuilder b = new StringBuilder();
        facts.forEach(f -> b.append("- ").append(f).append('\n'));
        b.append('\n').append(BenchRow.HEADER).append('\n').append("|---".repeat(14)).append("|\n");
        rows.forEach(r -> b.append(r.markdown()).append('\n'));
        if (!liveCeilings.isEmpty()) {
            b.append('\n');
            liveCeilings.forEach((k, v) -> b.append(String.format("- live ceiling (highest rate offered that kept up, stored within %.0f s), %s: %s%,.0f msg/s%s%n",
                    LiveLadder.KEEPS_UP_SECONDS, k, lowerBounds.contains(k) ? "≥ " : "", v,
                    lowerBounds.contains(k) ? " (kept up at every step: the ladder's top, not the ceiling)" : "")));
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
        rows.stream().filter(r -> r.mode().equals("backlog"))
                .forEach(r -> byWork.computeIfAbsent(String.format("backlog %,d QoS %d", r.messages(), r.qos()), k -> new ArrayList<>()).add(r));
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
            out.add(String.format("%s: throughput %.1f× (%,.0f vs %,.0f msg/s), from process start %.1f×, CPU per message %.1f× lower",
                    work, median(gw, BenchRow::rate) / median(nrDone, BenchRow::rate), median(gw, BenchRow::rate),
                    median(nrDone, BenchRow::rate), median(gw, BenchRow::fromStart) / median(nrDone, BenchRow::fromStart),
                    median(nrDone, BenchRow::cpuMicros) / median(gw, BenchRow::cpuMicros)));
        });
        liveCeilings.forEach((k, v) -> {
            if (k.startsWith("gateway")) {
                Double peer = liveCeilings.get(k.replace("gateway", "node-red"));
                String nr = k.replace("gateway", "node-red");
                if (peer != null && peer > 0) {
                    out.add(String.format("live ceiling %s: %s%.1f× (%s%,.0f vs %s%,.0f msg/s)", k.replace("gateway ", ""),
                            lowerBounds.contains(nr) ? "at most " : "", v / peer, lowerBounds.contains(k) ? "≥ " : "", v,
                            lowerBounds.contains(nr) ? "≥ " : "", peer));
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
