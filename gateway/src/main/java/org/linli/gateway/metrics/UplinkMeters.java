package org.linli.gateway.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.linli.gateway.uplink.Uplink;

/**
 * The uplink to the centre (docs/CENTRE.md): connected or not, the outbox's depth, bytes and oldest age, versions
 * published, connection and publish failures, versions refused while the outbox was full, summaries published and
 * the centre's commands by result. Not part of /health/ready: the compound works alone without its uplink.
 */
public final class UplinkMeters {
    private UplinkMeters() {
    }

    /** Registers meters that read the uplink's counters at scrape time. */
    public static void register(MeterRegistry registry, Uplink uplink) {
        Gauge.builder("linli.uplink.connected", uplink, u -> u.connected() ? 1 : 0)
                .description("1 while connected to a node of the centre's broker cluster").register(registry);
        Gauge.builder("linli.uplink.outbox.depth", uplink, Uplink::outboxDepth)
                .description("Alert versions in the outbox not yet acknowledged by the centre's broker").register(registry);
        Gauge.builder("linli.uplink.outbox.bytes", uplink, Uplink::outboxBytes)
                .description("Bytes the uplink outbox holds on disk").register(registry);
        Gauge.builder("linli.uplink.outbox.oldest.age.seconds", uplink, Uplink::outboxOldestAgeSeconds)
                .description("Age of the oldest unacknowledged alert version; -1 when the outbox is empty")
                .register(registry);
        FunctionCounter.builder("linli.uplink.published", uplink, Uplink::published)
                .description("Alert versions the centre's broker acknowledged").register(registry);
        FunctionCounter.builder("linli.uplink.failures", uplink, Uplink::failures)
                .description("Uplink connection and publish failures").register(registry);
        FunctionCounter.builder("linli.uplink.refused.full", uplink, Uplink::refusedFull)
                .description("Alert versions not written because the outbox was full").register(registry);
        FunctionCounter.builder("linli.uplink.summaries", uplink, Uplink::summariesPublished)
                .description("Compound summaries published").register(registry);
        for (String code : Uplink.commandCodes()) {
            FunctionCounter.builder("linli.uplink.commands", uplink, u -> u.commands(code))
                    .description("Commands of the centre by result").tag("result", code).register(registry);
        }
        FunctionCounter.builder("linli.uplink.commands.duplicates", uplink, Uplink::commandDuplicates)
                .description("Commands delivered again and answered with the stored reply, not applied twice")
                .register(registry);
        FunctionCounter.builder("linli.uplink.replies.unsent", uplink, Uplink::repliesNotSent)
                .description("Replies not sent: no response topic, or not connected").register(registry);
    }
}
