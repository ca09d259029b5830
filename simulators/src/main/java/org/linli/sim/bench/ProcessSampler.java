package org.linli.sim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples one process (and, for Node-RED, the process the launcher forked is the one measured) from {@code /proc}:
 * the peak resident set ({@code VmHWM}, and the largest {@code VmRSS} seen every 100 ms) and the CPU time it used
 * ({@code utime + stime} of {@code /proc/<pid>/stat}, in clock ticks of 10 ms). Runs on its own daemon thread.
 */
public final class ProcessSampler implements AutoCloseable {
    private static final double TICK_SECONDS = 0.01; // USER_HZ is 100 on Linux

    private final long pid;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-proc-sampler");
        t.setDaemon(true);
        return t;
    });
    private volatile long maxRssKb;
    private volatile long hwmKb;

    public ProcessSampler(long pid) {
        this.pid = pid;
        timer.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    maxRssKb = Math.max(maxRssKb, kb(line));
                } else if (line.startsWith("VmHWM:")) {
                    hwmKb = Math.max(hwmKb, kb(line));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended: keep what was seen
        }
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** CPU seconds (user + system) the process has used so far; -1 once it is gone. */
    public double cpuSeconds() {
        return cpuSeconds(pid);
    }

    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_SECONDS;
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** The largest resident set seen, in MB (the larger of the kernel's high-water mark and our samples). */
    public double peakRssMb() {
        sample();
        return Math.max(maxRssKb, hwmKb) / 1024.0;
    }

    /** The 1-minute load average of the machine. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
