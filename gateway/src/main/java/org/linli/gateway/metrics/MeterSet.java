package org.linli.gateway.metrics;

/**
 * The meters over one component's own counters. The component keeps counting as it always did (its numbers also feed
 * {@code /api/status}); a meter set reads them, so {@code /metrics} and the status page cannot disagree.
 */
public interface MeterSet {
    /**
     * Called on the event loop before every scrape: snapshot the component's counters and register meters for label
     * values seen for the first time (a new decode-failure reason, a new channel). Registration is idempotent.
     */
    void refresh();
}
