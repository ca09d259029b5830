package org.linli.gateway.alert;

import org.linli.gateway.site.Device;
import org.linli.gateway.site.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

/**
 * Warms the path of a new alert before the gateway connects to the broker: without it, the first alarm after a start
 * paid ~80 ms of class loading and first-call costs on the event loop (building the alert, its API JSON for the
 * stream and the alerts topic, its stored form), on the way to the operator's stream (docs/BENCHMARKS.md, "The alarm
 * path"). Builds sample alerts for one real device of the site with {@link AlertService#sample}, which records
 * nothing, and encodes each as the stream, the alerts topic and the store do; the results are dropped. Nothing is
 * raised, stored, published or counted, and no alert id is used up. One round (each alert type once) always runs;
 * then at most {@link #ROUNDS} in all or {@link #BOUND}, whichever comes first. Runs on the event loop while the
 * decode workers warm up.
 */
public final class AlertPathWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(AlertPathWarmUp.class);
    /** Each alert type once per round; the first round is the class loading and always runs to its end. */
    static final int ROUNDS = 5;
    /** Checked from the second round on. */
    static final Duration BOUND = Duration.ofMillis(100);

    /** What a warm-up did: the sample alerts it built and encoded, and how long it took. */
    public record Result(int alerts, Duration took) {
    }

    private final SiteDirectory site;
    private final AlertService alerts;

    public AlertPathWarmUp(SiteDirectory site, AlertService alerts) {
        this.site = site;
        this.alerts = alerts;
    }

    /** Never throws: a warm-up that fails is logged and the start goes on. */
    public Result run() {
        long start = System.nanoTime();
        long deadline = start + BOUND.toNanos();
        int built = 0;
        try {
            Optional<Device> device = sampleDevice();
            if (device.isPresent()) {
                Device d = device.get();
                rounds:
                for (int round = 0; round < ROUNDS; round++) {
                    for (AlertType type : AlertType.values()) {
                        if (round > 0 && System.nanoTime() - deadline >= 0) {
                            break rounds;
                        }
                        Alert a = alerts.sample(new AlertRequest(AlertKey.device(d.id(), type), type,
                                Severity.CRITICAL_VULNERABLE, d.location(), d, "warm-up"));
                        AlertJson.toJson(a).encode();              // the stream, the alerts topic, the uplink
                        AlertRecordFormat.encode(a);               // the store (its own thread at run time)
                        built++;
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("alert path warm-up failed after {} alerts: {}", built, e.toString());
        }
        Result r = new Result(built, Duration.ofNanos(System.nanoTime() - start));
        LOG.info("alert path warm-up: {} sample alerts built and encoded in {} ms", r.alerts(), r.took().toMillis());
        return r;
    }

    /** A device with a household if the site has one (its alert carries contacts and care labels), else any. */
    private Optional<Device> sampleDevice() {
        return site.devices().stream()
                .min(Comparator.comparing((Device d) -> site.householdOf(d).isEmpty()));
    }
}
