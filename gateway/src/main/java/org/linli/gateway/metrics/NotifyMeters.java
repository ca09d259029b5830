package org.linli.gateway.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.linli.gateway.notify.Notifier;

import java.util.Locale;
import java.util.Map;

/**
 * Alert notifications by channel and outcome (docs/NOTIFY.md): delivered, retry, throttled, rejected, failed (given
 * up on that channel) and forwarded (handed to the fallback channel). Channels are fixed by the config, so every
 * series exists from the start at 0.
 */
public final class NotifyMeters implements MeterSet {
    private final Notifier notifier;
    private Map<String, Map<String, Long>> counts;

    public NotifyMeters(MeterRegistry registry, Notifier notifier) {
        this.notifier = notifier;
        this.counts = notifier.outcomesByChannel();
        counts.forEach((channel, outcomes) -> outcomes.keySet().forEach(outcome ->
                FunctionCounter.builder("linli.notify.messages", this,
                                m -> m.counts.getOrDefault(channel, Map.of()).getOrDefault(outcome, 0L))
                        .description("Notification messages (a digest is one) by channel and outcome; a retried "
                                + "message counts once per attempt")
                        .tag("channel", channel).tag("outcome", outcome.toLowerCase(Locale.ROOT)).register(registry)));
    }

    @Override
    public void refresh() {
        counts = notifier.outcomesByChannel();
    }
}
