package org.linli.gateway.camera;

import io.vertx.core.json.JsonObject;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one camera supervisor, written by its thread and read by the status page. */
public final class SupervisorCounters {
    final AtomicLong connects = new AtomicLong();
    final AtomicLong connectFailures = new AtomicLong();
    final AtomicLong subscriptionsCreated = new AtomicLong();
    final AtomicLong renewals = new AtomicLong();
    final AtomicLong recreations = new AtomicLong();
    final AtomicLong pullTimeouts = new AtomicLong();
    final AtomicLong pulls = new AtomicLong();
    final AtomicLong events = new AtomicLong();

    public long connects() {
        return connects.get();
    }

    public long connectFailures() {
        return connectFailures.get();
    }

    public long subscriptionsCreated() {
        return subscriptionsCreated.get();
    }

    public long renewals() {
        return renewals.get();
    }

    public long recreations() {
        return recreations.get();
    }

    public long events() {
        return events.get();
    }

    public JsonObject toJson() {
        return new JsonObject().put("connects", connects.get()).put("connectFailures", connectFailures.get())
                .put("subscriptionsCreated", subscriptionsCreated.get()).put("renewals", renewals.get())
                .put("recreations", recreations.get()).put("pulls", pulls.get())
                .put("pullTimeouts", pullTimeouts.get()).put("events", events.get());
    }
}
