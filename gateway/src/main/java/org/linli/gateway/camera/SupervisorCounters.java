package org.linli.gateway.camera;

import io.vertx.core.json.JsonObject;
import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.onvif.OnvifErrorKind;
import org.linli.drivers.onvif.OnvifException;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one camera supervisor, written by its thread (and the snapshot worker's completion on the event
 * loop) and read by the status page.
 */
public final class SupervisorCounters {
    final AtomicLong connects = new AtomicLong();
    final AtomicLong connectFailures = new AtomicLong();
    final AtomicLong subscriptionsCreated = new AtomicLong();
    final AtomicLong renewals = new AtomicLong();
    final AtomicLong recreations = new AtomicLong();
    final AtomicLong pullTimeouts = new AtomicLong();
    final AtomicLong pulls = new AtomicLong();
    final AtomicLong events = new AtomicLong();
    /** Times the camera asked for HTTP Basic over plain http and we refused to send the password. */
    final AtomicLong insecureAuthRefused = new AtomicLong();
    /** Answers (SOAP or snapshot) refused as larger than their limit, on the declared length or while reading. */
    final AtomicLong oversizedAnswers = new AtomicLong();

    /** Counts a failure that is a refusal of ours (insecure authentication, oversized answer); ignores others. */
    void countRefusal(OnvifException e) {
        if (e.kind() == OnvifErrorKind.INSECURE_AUTH) {
            insecureAuthRefused.incrementAndGet();
        } else if (e.decodeFailure() != null && e.decodeFailure().reason() == DecodeFailure.PAYLOAD_TOO_LARGE) {
            oversizedAnswers.incrementAndGet();
        }
    }

    public long connects() {
        return connects.get();
    }

    public long connectFailures() {
        return connectFailures.get();
    }

    public long recreations() {
        return recreations.get();
    }

    public JsonObject toJson() {
        return new JsonObject().put("connects", connects.get()).put("connectFailures", connectFailures.get())
                .put("subscriptionsCreated", subscriptionsCreated.get()).put("renewals", renewals.get())
                .put("recreations", recreations.get()).put("pulls", pulls.get())
                .put("pullTimeouts", pullTimeouts.get()).put("events", events.get())
                .put("insecureAuthRefused", insecureAuthRefused.get()).put("oversizedAnswers", oversizedAnswers.get());
    }
}
