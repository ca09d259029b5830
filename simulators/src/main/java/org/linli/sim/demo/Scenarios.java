package org.linli.sim.demo;

import io.vertx.core.Vertx;
import org.linli.sim.compound.CompoundSimulator;

/** The demo's incident timeline (DOMAIN.md: the incidents a compound actually has). */
final class Scenarios {
    private Scenarios() {
    }

    static void schedule(CompoundSimulator sim, Vertx vertx) {
        vertx.setTimer(15_000, id -> sim.gasLeak("3-2-501"));
        vertx.setTimer(35_000, id -> sim.fire("7"));
        vertx.setTimer(50_000, id -> sim.silence("water-5-1-201"));
        vertx.setTimer(120_000, id -> sim.gasLeakOver("3-2-501"));
    }
}
