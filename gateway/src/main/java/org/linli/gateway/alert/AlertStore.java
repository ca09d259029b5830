package org.linli.gateway.alert;

import java.time.Instant;

/**
 * Where alert versions, household "away until" flags and the inactivity rule's water samples are kept across restarts. Writes are fire-and-forget from
 * the event loop's point of view (an implementation queues them in order on its own thread); reading back happens
 * once, before the alert service starts. {@link #NONE} keeps nothing (unit tests, tools).
 */
public interface AlertStore {
    /** Saves the latest version of an alert; {@code keyOpen} says whether it still holds its key (repeats update it). */
    void save(Alert alert, String key, boolean keyOpen);

    /** Saves a household's away-until flag; a null {@code until} removes it. */
    void saveAway(String household, Instant until);

    /**
     * Saves a water meter's cumulative total at {@code at} (the inactivity rule's history of an elderly-living-alone
     * household, so a restart does not blind it for a whole window); samples older than a day and a bit are dropped.
     */
    default void saveWaterSample(String meter, Instant at, double totalM3) {
    }

    AlertStore NONE = new AlertStore() {
        @Override
        public void save(Alert alert, String key, boolean keyOpen) {
        }

        @Override
        public void saveAway(String household, Instant until) {
        }
    };

    /** An alert as read back from the store. */
    record Stored(Alert alert, String key, boolean keyOpen) {
    }

    /** A water meter's cumulative total at a moment, as read back from the store. */
    record WaterSample(Instant at, double totalM3) {
    }
}
