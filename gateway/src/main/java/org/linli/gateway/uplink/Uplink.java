package org.linli.gateway.uplink;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.alert.AlertListener;
import org.linli.gateway.config.UplinkOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The gateway's uplink to the centre as the gateway wires it (docs/CENTRE.md): the durable {@link UplinkOutbox}
 * (an alert listener) and the {@link UplinkPublisher} draining it. Currently alert versions only.
 */
public final class Uplink {
    private final UplinkOutbox outbox;
    private final UplinkPublisher publisher;

    private Uplink(UplinkOutbox outbox, UplinkPublisher publisher) {
        this.outbox = outbox;
        this.publisher = publisher;
    }

    /**
     * As the gateway starts it: nothing (null) when the {@code uplink:} section is absent or disabled; otherwise
     * {@link #start} and the outbox handed to {@code register} (the alert service's addListener). Called on the
     * gateway's event loop; opening the outbox reads its files there once.
     */
    public static Uplink startIfConfigured(UplinkOptions options, String dataDir, Function<String, String> env,
                                           Clock clock, Consumer<AlertListener> register) throws IOException {
        if (options == null || !options.enabled()) {
            return null;
        }
        Uplink uplink = start(options, dataDir, env, clock);
        register.accept(uplink.alertListener());
        return uplink;
    }

    /** Opens the outbox under {@code <dataDir>/uplink} (resuming at its committed position) and starts publishing. */
    public static Uplink start(UplinkOptions options, String dataDir, Function<String, String> env, Clock clock)
            throws IOException {
        UplinkOutbox outbox = UplinkOutbox.open(Path.of(dataDir).resolve("uplink"), options.maxBytes(), clock);
        String secret = options.passwordEnv() == null ? null : env.apply(options.passwordEnv());
        UplinkPublisher publisher = new UplinkPublisher(outbox, options.urls(), options.clientId(), options.username(),
                secret == null ? null : secret.toCharArray(), options.alertTopic());
        publisher.start();
        return new Uplink(outbox, publisher);
    }

    /** The listener to register with the alert service: it writes every alert version to the outbox. */
    public UplinkOutbox alertListener() {
        return outbox;
    }

    /** The {@code uplink} block of {@code GET /api/status}. */
    public JsonObject statusJson() {
        return new JsonObject()
                .put("state", publisher.state().name())
                .put("outboxDepth", outbox.depth())
                .put("outboxBytes", outbox.bytes())
                .put("oldestAgeSeconds", outbox.oldestAgeSeconds())
                .put("published", publisher.published.sum())
                .put("failures", publisher.failures.sum())
                .put("refusedFull", outbox.refusedFull())
                .put("diskErrors", outbox.diskErrors())
                .put("lastError", publisher.lastError());
    }

    /** {@link #close()} off the event loop (it waits for the publisher thread). */
    public Future<Void> close(Vertx vertx) {
        return vertx.executeBlocking(() -> {
            close();
            return null;
        });
    }

    /** Stops publishing, then closes the outbox; whatever the broker has not acknowledged is sent after a restart. */
    public void close() throws IOException, InterruptedException {
        publisher.stop();
        outbox.close();
    }
}
