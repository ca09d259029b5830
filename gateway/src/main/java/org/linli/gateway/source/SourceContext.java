package org.linli.gateway.source;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.pipeline.DeadLetters;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.site.SiteDirectory;

import java.time.Clock;
import java.util.function.Function;

/**
 * What a {@link SourceFactory} gets to build a source: the gateway's Vert.x and event-loop context, its validated
 * config and site directory, the pipeline to hand messages to ({@code accept} for raw payloads, {@code acceptDecoded}
 * for decoded content), the alert service (for alerts about the source itself), the dead letters, the clock and the
 * environment (secrets by variable name).
 */
public record SourceContext(Vertx vertx, Context context, SiteConfig config, SiteDirectory site, Pipeline pipeline,
                            AlertService alerts, DeadLetters deadLetters, Clock clock, Function<String, String> env) {

    /** Runs {@code task} on the gateway's context: how a source's own threads hand results over. */
    public void onLoop(Runnable task) {
        context.runOnContext(v -> task.run());
    }
}
