package org.linli.gateway.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where alert versions, household "away until" flags and the inactivity rule's water samples are kept across restarts. Writes are fire-and-forget from
 * the event loop's point of view (an implementation queues them in order on its own thread); the open alerts and the
 * window of closed ones are read back once, before the alert service starts; alerts no longer in memory (closed
 * longer ago than the window) are read on request ({@link #find}, {@link #closed}): the futures complete on the
 * store's thread, after every write submitted before the read, and callers hop back to their event loop.
 * {@link #NONE} keeps nothing (unit tests, tools).
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

    /** The stored alert with this id, whatever its state; empty when there is none or its row cannot be read. */
    default CompletableFuture<Optional<Alert>> find(String id) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /**
     * One page of CLOSED and DISMISSED alerts, newest closed first, optionally of one grid only ({@code grid} null:
     * all), starting after {@code before} (null: from the newest); {@code next} is where the following page starts,
     * null when this one is the last.
     */
    default CompletableFuture<ClosedPage> closed(String grid, ClosedCursor before, int limit) {
        return CompletableFuture.completedFuture(new ClosedPage(List.of(), null));
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

    /** A page of terminal alerts read from the store, and where the next page starts (null: no more). */
    record ClosedPage(List<Alert> alerts, ClosedCursor next) {
    }

    /** A water meter's cumulative total at a moment, as read back from the store. */
    record WaterSample(Instant at, double totalM3) {
    }
}
