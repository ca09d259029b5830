package org.linli.sim.serial;

import java.util.Map;
import java.util.TreeMap;

/** Every valid reading the simulated buses sent, per device: count and sum of totals, to compare with storage. */
public final class ServedLedger {
    private final Map<String, double[]> byDevice = new TreeMap<>();

    public synchronized void served(String deviceId, double total) {
        double[] cs = byDevice.computeIfAbsent(deviceId, d -> new double[2]);
        cs[0]++;
        cs[1] += total;
    }

    public synchronized long count(String deviceId) {
        double[] cs = byDevice.get(deviceId);
        return cs == null ? 0 : (long) cs[0];
    }

    public synchronized double sum(String deviceId) {
        double[] cs = byDevice.get(deviceId);
        return cs == null ? 0 : cs[1];
    }

    public synchronized long total() {
        return byDevice.values().stream().mapToLong(cs -> (long) cs[0]).sum();
    }

    public synchronized java.util.Set<String> devices() {
        return new java.util.TreeSet<>(byDevice.keySet());
    }
}
