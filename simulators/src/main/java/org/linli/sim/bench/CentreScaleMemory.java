package org.linli.sim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Memory of another JVM on this machine, read from outside: resident memory ({@code VmRSS}, and its peak
 * {@code VmHWM}) from {@code /proc/<pid>/status}, and the heap in use after a full GC ({@code jcmd <pid> GC.run},
 * then the used columns of {@code jstat -gc <pid>}: survivors + eden + old). The JDK's own jcmd and jstat are used.
 */
final class CentreScaleMemory {
    /** Resident and peak resident memory in MB. */
    record Resident(long rssMb, long peakMb) {
    }

    private CentreScaleMemory() {
    }

    static Resident resident(long pid) throws IOException {
        long rss = -1;
        long hwm = -1;
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                rss = kb(l) / 1024;
            } else if (l.startsWith("VmHWM:")) {
                hwm = kb(l) / 1024;
            }
        }
        return new Resident(rss, hwm);
    }

    /** The command line of {@code pid} ({@code /proc/<pid>/cmdline}, NULs as spaces), or "" if it is gone. */
    static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static long kb(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    /** Runs a full GC in {@code pid} and gives its used heap afterwards, in MB (one decimal). */
    static double heapAfterGcMb(long pid) throws IOException, InterruptedException {
        tool("jcmd", Long.toString(pid), "GC.run");
        List<String> out = tool("jstat", "-gc", Long.toString(pid));
        String[] head = out.get(0).trim().split("\\s+");
        String[] row = out.get(1).trim().split("\\s+");
        double kb = 0;
        for (int i = 0; i < head.length; i++) {
            if (List.of("S0U", "S1U", "EU", "OU").contains(head[i])) {
                kb += Double.parseDouble(row[i]);
            }
        }
        return Math.round(kb / 1024 * 10) / 10.0;
    }

    private static List<String> tool(String name, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", name).toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + String.join(" / ", lines));
        }
        return lines;
    }
}
