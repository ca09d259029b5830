package org.linli.sim.bench;

import org.linli.sim.servers.ArtemisCluster;
import org.linli.sim.uplink.SimulatedUplinks;
import org.linli.sim.uplink.UplinkOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's compounds: one {@link SimulatedUplinks} fleet per community of the site file (street s1),
 * summaries every 15 s (the gateway's default), optionally logged in as their own broker user. {@link #raiseNext}
 * raises one alert in the next compound, round robin over all of them, and gives its centre key
 * ({@code compound/id}). Methods may be called from any thread.
 */
final class CentreScaleFleet implements AutoCloseable {
    private final List<SimulatedUplinks> fleets = new ArrayList<>();
    private final List<String[]> compounds = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    /** Starts every community's fleet (connecting asynchronously: see {@link #awaitConnected}). */
    CentreScaleFleet(List<CentreScaleSite.Community> communities, List<String> brokerUris, boolean logins) {
        for (CentreScaleSite.Community c : communities) {
            UplinkOptions o = UplinkOptions.of(brokerUris, "s1", c.id(), c.compounds()).withIdPrefix(c.idPrefix());
            SimulatedUplinks fleet = SimulatedUplinks.start(logins ? o.withLogin(ArtemisCluster::compoundPassword) : o);
            fleets.add(fleet);
            int f = fleets.size() - 1;
            fleet.ids().forEach(id -> compounds.add(new String[]{Integer.toString(f), id}));
        }
    }

    int size() {
        return compounds.size();
    }

    int connectedCount() {
        return fleets.stream().mapToInt(SimulatedUplinks::connectedCount).sum();
    }

    /** Polls until every compound is connected; false on timeout. */
    boolean awaitConnected(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        for (SimulatedUplinks f : fleets) {
            if (!f.awaitConnected(Math.max(1, deadline - System.currentTimeMillis()))) {
                return false;
            }
        }
        return true;
    }

    /** Raises one alert in the next compound (round robin); returns its key {@code compound/alertId}. */
    String raiseNext() {
        String[] c = compounds.get(Math.floorMod(next.getAndIncrement(), compounds.size()));
        return c[1] + "/" + fleets.get(Integer.parseInt(c[0])).raise(c[1]);
    }

    /** Messages the broker has not yet acknowledged, over all compounds. */
    int pending() {
        return fleets.stream().mapToInt(SimulatedUplinks::pending).sum();
    }

    /** Pool threads of all fleets (Paho's loops: ~3 per connected compound). */
    int threads() {
        return fleets.stream().mapToInt(SimulatedUplinks::threads).sum();
    }

    @Override
    public void close() {
        fleets.forEach(SimulatedUplinks::close);
    }
}
