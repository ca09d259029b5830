package org.linli.centre;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.linli.centre.picture.Picture;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The centre's meters for {@code GET /metrics} (Prometheus text): the picture's size, compounds reachable and
 * unreachable, MQTT messages by kind, malformed payloads, commands by result, robot notifications by result. Counters
 * are thread-safe; the gauges read the picture, so the registry is scraped on the event loop.
 */
public final class CentreMeters {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public CentreMeters(Picture picture) {
        Gauge.builder("linli_centre_picture_alerts", picture, Picture::alertCount)
                .description("alerts held in the picture (highest version per key)").register(registry);
        Gauge.builder("linli_centre_compounds", picture, Picture::reachableCount).tag("reachable", "true")
                .description("compounds of the site file by reachability").register(registry);
        Gauge.builder("linli_centre_compounds", picture, Picture::unreachableCount).tag("reachable", "false")
                .register(registry);
        Gauge.builder("linli_centre_versions_dropped", picture, Picture::droppedVersions)
                .description("alert versions dropped as duplicates or older copies").register(registry);
    }

    /** An MQTT message taken in: alert, summary, reply, notified, unknown-compound, oversize, other. */
    public void message(String kind) {
        count("linli_centre_messages_total", "kind", kind);
    }

    public void malformed(String kind) {
        count("linli_centre_malformed_total", "kind", kind);
    }

    /**
     * A relayed command's result: ok, not-found, not-allowed, out-of-scope, bad-request, timeout, forbidden,
     * not-connected.
     */
    public void command(String result) {
        count("linli_centre_commands_total", "result", result);
    }

    /** A street robot notification: sent, failed, skipped-ledger, no-robot. */
    public void notification(String result) {
        count("linli_centre_notifications_total", "result", result);
    }

    /** An alert version offered to the archive: written, malformed, skipped, failed (writer closed). */
    public void archive(String result) {
        count("linli_centre_archive_versions_total", "result", result);
    }

    /** A dark-period transition written to the archive, or an attempt that failed (it is retried). */
    public void archiveReachability(String result) {
        count("linli_centre_archive_reachability_total", "result", result);
    }

    /** Registers a gauge read at each scrape (the archive's backlog and state). */
    public void gauge(String name, String description, java.util.function.Supplier<Number> value) {
        Gauge.builder(name, value, v -> v.get().doubleValue()).description(description).strongReference(true)
                .register(registry);
    }

    public double count(String name, String tag, String value) {
        Counter c = counters.computeIfAbsent(name + "|" + value,
                k -> Counter.builder(name).tag(tag, value).register(registry));
        c.increment();
        return c.count();
    }

    /** The current value of a counter (0 when never counted): for tests and the health view. */
    public double value(String name, String value) {
        Counter c = counters.get(name + "|" + value);
        return c == null ? 0 : c.count();
    }

    public String scrape() {
        return registry.scrape();
    }
}
