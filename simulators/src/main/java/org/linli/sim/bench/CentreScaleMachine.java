package org.linli.sim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line about the machine the benchmark runs on: processors, memory, load average (from /proc). */
final class CentreScaleMachine {
    private CentreScaleMachine() {
    }

    static String describe() {
        try {
            String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB")
                    .orElse("?");
            String load = Files.readString(Path.of("/proc/loadavg")).trim();
            return Runtime.getRuntime().availableProcessors() + " processors, " + mem + " memory, loadavg " + load
                    + ", Java " + System.getProperty("java.version");
        } catch (IOException e) {
            return "? (" + e.getMessage() + ")";
        }
    }
}
