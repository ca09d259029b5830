package org.linli.gateway.rules;

import org.linli.gateway.alert.AlertStore;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-household "away until" flags (set by a grid worker: the resident is at her daughter's until Sunday). While a
 * household is away, and for one inactivity window after it returns, the water inactivity rule raises nothing.
 * Kept in the alert store so a restart does not forget them. Event-loop confined.
 */
public final class HouseholdAway {
    private final Map<String, Instant> until = new HashMap<>();
    private final AlertStore store;

    public HouseholdAway(AlertStore store, Map<String, Instant> restored) {
        this.store = store;
        this.until.putAll(restored);
    }

    /** Sets the flag; a null {@code until} removes it. */
    public void set(String household, Instant awayUntil) {
        if (awayUntil == null) {
            until.remove(household);
        } else {
            until.put(household, awayUntil);
        }
        store.saveAway(household, awayUntil);
    }

    public Optional<Instant> until(String household) {
        return Optional.ofNullable(until.get(household));
    }

    /** Whether the household was away at any time after {@code from}. */
    public boolean awayAfter(String household, Instant from) {
        Instant u = until.get(household);
        return u != null && u.isAfter(from);
    }
}
