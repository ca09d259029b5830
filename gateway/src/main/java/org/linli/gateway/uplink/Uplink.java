package org.linli.gateway.uplink;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.alert.AlertListener;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.config.UplinkOptions;
import org.linli.gateway.security.MqttTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The gateway's uplink to the centre as the gateway wires it (docs/CENTRE.md): the durable {@link UplinkOutbox}
 * (an alert listener), the {@link UplinkPublisher} draining it, and once {@link #serve served} the compound summary
 * ({@link SummaryLoop}) and the centre's commands ({@link UplinkCommands}), both run on the gateway's event loop.
 */
public final class Uplink {
    private static final Logger LOG = LoggerFactory.getLogger(Uplink.class);

    private final UplinkOptions options;
    private final UplinkOutbox outbox;
    private final UplinkPublisher publisher;
    private final Clock clock;
    private SummaryLoop summaries;
    private UplinkCommands commands;
    /** Replies not sent: the command had no response topic, or the uplink was not connected. */
    final LongAdder repliesNotSent = new LongAdder();

    private Uplink(UplinkOptions options, UplinkOutbox outbox, UplinkPublisher publisher, Clock clock) {
        this.options = options;
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * As the gateway builds it: nothing (null) when the {@code uplink:} section is absent or disabled; otherwise the
     * outbox opened and handed to {@code register} (the alert service's addFeed), not yet publishing:
     * {@link #serve} starts it. Called on the gateway's event loop; opening the outbox reads its files there once.
     */
    public static Uplink openIfConfigured(UplinkOptions options, String dataDir, Function<String, String> env,
                                          Clock clock, Consumer<AlertListener> register)
            throws IOException, GeneralSecurityException {
        if (options == null || !options.enabled()) {
            return null;
        }
        Uplink uplink = open(options, dataDir, env, clock);
        register.accept(uplink.alertListener());
        return uplink;
    }

    /** Opens the outbox under {@code <dataDir>/uplink} (resuming at its committed position); nothing is sent yet. */
    public static Uplink open(UplinkOptions options, String dataDir, Function<String, String> env, Clock clock)
            throws IOException, GeneralSecurityException {
        SSLSocketFactory tls = MqttTls.socketFactory(options.tls(), env);
        UplinkOutbox outbox = UplinkOutbox.open(Path.of(dataDir).resolve("uplink"), options.maxBytes(), clock);
        String secret = options.passwordEnv() == null ? null : env.apply(options.passwordEnv());
        UplinkPublisher publisher = new UplinkPublisher(outbox, options,
                secret == null ? null : secret.toCharArray(), tls, clock);
        return new Uplink(options, outbox, publisher, clock);
    }

    /** Opens the outbox and starts publishing alert versions only (no summary, no commands). */
    public static Uplink start(UplinkOptions options, String dataDir, Function<String, String> env, Clock clock)
            throws IOException, GeneralSecurityException {
        Uplink uplink = open(options, dataDir, env, clock);
        uplink.publisher.start();
        return uplink;
    }

    /**
     * Starts publishing with the summary and the commands: the first summary is built now, then refreshed by a 1 s
     * timer; commands are applied on {@code eventLoop}. Called once, on the gateway's event loop.
     */
    public void serve(Vertx vertx, Context eventLoop, CompoundSummary summary, AlertService alerts) {
        summaries = new SummaryLoop(vertx, summary,
                json -> publisher.publishNow(options.summaryTopic(), json, true, null),
                options.summarySeconds(), clock);
        commands = new UplinkCommands(options, alerts, outbox);
        summaries.start();
        publisher.serve(() -> {
            JsonObject last = summaries.last();
            return last == null ? null : last.encode();
        }, (payload, responseTopic, correlation) -> eventLoop.runOnContext(v -> command(payload, responseTopic,
                correlation)), () -> eventLoop.runOnContext(v -> summaries.publishSoon()));
        publisher.start();
    }

    /** Applies one command and answers it on its response topic (on the event loop). */
    private void command(byte[] payload, String responseTopic, byte[] correlation) {
        String id = correlation == null ? null : new String(correlation, StandardCharsets.UTF_8);
        JsonObject reply = commands.handle(payload, id);
        if (responseTopic == null || responseTopic.isEmpty()) {
            repliesNotSent.increment();
            LOG.warn("uplink command {} has no response topic: the reply ({}) is not sent", id, reply.getString("code"));
        } else if (!publisher.publishNow(responseTopic, reply.encode(), false, correlation)) {
            repliesNotSent.increment();
        }
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
                .put("summariesPublished", summariesPublished())
                .put("commandsSubscribed", publisher.commandsSubscribed())
                .put("lastError", publisher.lastError());
    }

    /** 1 while connected to a broker node. */
    public boolean connected() {
        return publisher.state() == UplinkPublisher.State.CONNECTED;
    }

    public long outboxDepth() {
        return outbox.depth();
    }

    public long outboxBytes() {
        return outbox.bytes();
    }

    public long outboxOldestAgeSeconds() {
        return outbox.oldestAgeSeconds();
    }

    public long published() {
        return publisher.published.sum();
    }

    public long failures() {
        return publisher.failures.sum();
    }

    public long refusedFull() {
        return outbox.refusedFull();
    }

    public long summariesPublished() {
        return summaries == null ? 0 : summaries.published.sum();
    }

    /** Commands answered with {@code code} (ok, not-found, not-allowed, out-of-scope, bad-request). */
    public long commands(String code) {
        return commands == null ? 0 : commands.count(code);
    }

    /** The reply codes of commands, the tags of the meter. */
    public static java.util.List<String> commandCodes() {
        return UplinkCommands.CODES;
    }

    /** Requests delivered again and answered from the stored reply. */
    public long commandDuplicates() {
        return commands == null ? 0 : commands.duplicates.sum();
    }

    public long repliesNotSent() {
        return repliesNotSent.sum();
    }

    /**
     * Stops the summary timer and, for the clean stop's farewell, takes the last summary as {@code reachable: false};
     * then {@link #close()} off the event loop (it waits for the publisher thread). Called on the event loop.
     */
    public Future<Void> close(Vertx vertx) {
        if (summaries != null) {
            summaries.stop();
            publisher.farewell(CompoundSummary.stopped(options, summaries.last(), clock.instant()).encode());
        }
        return vertx.executeBlocking(() -> {
            close();
            return null;
        }, false);
    }

    /** Stops publishing, then closes the outbox; whatever the broker has not acknowledged is sent after a restart. */
    public void close() throws IOException, InterruptedException {
        publisher.stop();
        outbox.close();
    }
}
