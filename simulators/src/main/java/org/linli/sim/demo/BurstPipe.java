package org.linli.sim.demo;

import io.vertx.core.Vertx;
import org.linli.drivers.model.Decoded;
import org.linli.drivers.model.Quantity;
import org.linli.drivers.model.Reading;
import org.linli.drivers.mqtt.VendorProfile;
import org.linli.gateway.config.DeviceConfig;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.VendorPayloadEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * A burst pipe behind one household's water meter: the simulator stops that meter's ordinary reports and this class
 * takes it over, reporting a total that rises by {@link #PER_REPORT_M3} each time, in the meter's own vendor format
 * on its (prefixed) topic. After three reports the 24-hour use passes the gateway's daily limit (2 m³) and it raises
 * its "日用水量异常" alert. Runs on the demo's Vert.x timer; publishing is asynchronous.
 */
final class BurstPipe {
    private static final Logger LOG = LoggerFactory.getLogger(BurstPipe.class);
    static final double PER_REPORT_M3 = 0.8;
    private static final double FLOW_M3H = 3.2;

    private final CommunityCompound compound;
    private final String meter;
    private final VendorProfile profile;
    private final VendorPayloadEncoder encoder = new VendorPayloadEncoder();
    private double total;

    private BurstPipe(CommunityCompound compound, String meter, VendorProfile profile, double total) {
        this.compound = compound;
        this.meter = meter;
        this.profile = profile;
        this.total = total;
    }

    /** Starts the burst at {@code household} of {@code compound}: a report now and every {@code everyMs}. */
    static void start(Vertx vertx, CommunityCompound compound, String household, long everyMs) {
        String meter = "water-" + household;
        CompoundSimulator sim = compound.simulator();
        String profileName = compound.site().devices().stream().filter(d -> d.id().equals(meter))
                .map(DeviceConfig::profile).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no water meter " + meter));
        VendorProfile profile = compound.profiles().find(profileName).orElseThrow();
        sim.silence(meter);
        // the simulated meters' totals move by less than their 0.01 m³ resolution: every report carried the same total
        long sent = sim.ledger().readings(meter, Quantity.WATER_TOTAL_M3);
        double last = sent == 0 ? 100 : sim.ledger().sum(meter, Quantity.WATER_TOTAL_M3) / sent;
        BurstPipe burst = new BurstPipe(compound, meter, profile, Math.round(last * 100) / 100.0);
        LOG.info("scenario: burst pipe at {} in {}", household, compound.member().name());
        burst.report();
        vertx.setPeriodic(everyMs, id -> burst.report());
    }

    private void report() {
        total += PER_REPORT_M3;
        Instant now = Instant.now();
        Decoded content = Decoded.of(List.of(new Reading(meter, Quantity.WATER_TOTAL_M3, total, now),
                new Reading(meter, Quantity.WATER_FLOW_M3H, FLOW_M3H, now)), List.of());
        compound.simulator().publisher().publish(profile.topicFor(meter), encoder.encode(profile, meter, content), 1);
    }
}
