package org.linli.sim.demo;

import io.vertx.core.Vertx;
import org.linli.sim.compound.CompoundSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The community demo's timeline (the single demo's incidents, spread over the compounds, {@link CommunityPlan}):
 * an elderly resident living alone who has used no water since last night (1-2-402, warned at the gateway's first
 * rule check), a gas leak at 3-2-501 at ~15 s, a fire in building 3 at ~30 s, a burst pipe at 2-1-301 at ~40 s
 * (alert ~20 s later), and the last compound's box going dark at ~60 s. Times are multiplied by {@code scale}
 * (the test runs the timeline faster). Timers run on the demo's Vert.x; the history is sent on the main thread.
 */
final class CommunityIncidents {
    private static final Logger LOG = LoggerFactory.getLogger(CommunityIncidents.class);
    static final String GAS_LEAK = "3-2-501";
    static final String FIRE_BUILDING = "3";
    static final String BURST_PIPE = "2-1-301";
    static final String INACTIVE_ELDERLY = "1-2-402";
    /** How far back the inactive resident's meter history goes: more than the gateway's 12 h warning window. */
    private static final Duration HISTORY = Duration.ofHours(13);

    private CommunityIncidents() {
    }

    /**
     * The meter of the elderly resident in the compound of incident 3 (the 4th) sends the last 13 hours of
     * half-hourly readings it kept (NB-IoT meters report what they stored once they get through), all with the same
     * total: no water used since last night. Call before that compound's live reports start (the gateway ignores
     * readings older than the newest it has).
     */
    static void sendInactiveHistory(CommunityPlan plan, Map<String, CommunityCompound> compounds) throws Exception {
        CompoundSimulator sim = compounds.get(plan.incidentCompound(3).id()).simulator();
        String meter = "water-" + INACTIVE_ELDERLY;
        Instant now = Instant.now();
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (Instant at = now.minus(HISTORY); !at.isAfter(now); at = at.plus(Duration.ofMinutes(30))) {
            sent.add(sim.report(meter, at));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        LOG.info("scenario: {} readings of {} over the last {} h, no water used", sent.size(), meter,
                HISTORY.toHours());
    }

    /** Schedules the incidents and the dark box, {@code scale} × the nominal times from now. */
    static void schedule(Vertx vertx, CommunityPlan plan, Map<String, CommunityCompound> compounds, UplinkCut darkLine,
                         double scale) {
        CommunityCompound gas = compounds.get(plan.incidentCompound(0).id());
        CommunityCompound fire = compounds.get(plan.incidentCompound(1).id());
        CommunityCompound burst = compounds.get(plan.incidentCompound(2).id());
        vertx.setTimer(ms(15, scale), id -> gas.simulator().gasLeak(GAS_LEAK));
        vertx.setTimer(ms(30, scale), id -> fire.simulator().fire(FIRE_BUILDING));
        vertx.setTimer(ms(40, scale), id -> BurstPipe.start(vertx, burst, BURST_PIPE, ms(10, scale)));
        vertx.setTimer(ms(60, scale), id -> {
            LOG.info("scenario: the box of {} goes dark (its uplink is cut)", plan.dark().name());
            darkLine.cut();
        });
    }

    /** What the banner says is coming. */
    static List<String> lines(CommunityPlan plan, double scale) {
        return List.of(
                String.format("%s: elderly resident at %s has used no water for 12 h (warning within seconds)",
                        plan.incidentCompound(3).name(), INACTIVE_ELDERLY),
                String.format("%s: gas leak at %s (elderly resident living alone) in ~%d s",
                        plan.incidentCompound(0).name(), GAS_LEAK, Math.round(15 * scale)),
                String.format("%s: fire in building %s in ~%d s", plan.incidentCompound(1).name(), FIRE_BUILDING,
                        Math.round(30 * scale)),
                String.format("%s: burst pipe at %s from ~%d s (alert when 2 m³ have run, ~%d s later)",
                        plan.incidentCompound(2).name(), BURST_PIPE, Math.round(40 * scale), Math.round(20 * scale)),
                String.format("%s: its box goes dark at ~%d s (uplink cut): the centre shows it 失联 and raises 小区网关失联",
                        plan.dark().name(), Math.round(60 * scale)));
    }

    private static long ms(double seconds, double scale) {
        return Math.max(1, Math.round(seconds * 1000 * scale));
    }
}
