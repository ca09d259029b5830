package org.linli.gateway.mqtt;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.pipeline.IncomingMessage;
import org.linli.gateway.pipeline.IngestLanes;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.retry.Backoff;
import org.linli.gateway.security.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Brings device messages from the broker into the pipeline on the event loop, and carries alerts out.
 * <ul>
 *   <li>Paho's callback thread routes each message ({@link TopicRouter}) and queues it for the decode workers,
 *       alarms in the urgent lane ({@link IngestLanes}); connection events hop to the event loop
 *       ({@code runOnContext}); the event loop only calls Paho's non-blocking methods. Neither waits on the other.</li>
 *   <li>Every connectComplete, first or re-, subscribes again to every topic (FIELD-NOTES §3): a broker that lost
 *       our session must not leave us connected and deaf.</li>
 *   <li>QoS 1 messages are acknowledged only after the pipeline has taken them, so a crash before that makes the
 *       broker redeliver (fixed client id + persistent session keep them while we are away).</li>
 *   <li>Every (re)connection is made here, with the gateway's {@link Backoff} from {@code reconnectMinDelayMs}
 *       doubling to {@code reconnectMaxDelayMs}, with jitter: Paho's automatic reconnect covers only connections that
 *       once succeeded, and in the v5 client it was seen not to fire at all after a broker restart that lost our
 *       session.</li>
 *   <li>A subscription the {@link SubscriptionWatchdog} finds STALE (silent for its missed intervals) is subscribed
 *       again, once per silent spell: a broker that silently lost it starts delivering again; quiet devices cost
 *       one SUBSCRIBE. Counted in {@code staleResubscribes}.</li>
 * </ul>
 * Event-loop confined, apart from the Paho callbacks, which only route and queue messages and hop onto the loop, and
 * the client's publish, which runs on a thread of its own ({@link PublishThread}).
 */
public final class MqttIngest {
    private static final Logger LOG = LoggerFactory.getLogger(MqttIngest.class);
    private static final int OUTBOX_LIMIT = 10_000;
    private static final long CONNECT_GUARD_MS = 20_000;

    public enum State { CONNECTING, CONNECTED, RECONNECTING, STOPPED }

    private final Vertx vertx;
    private final Context context;
    private final MqttOptions options;
    /** The broker URL as logs and status show it: never with a password in it. */
    private final String shownUrl;
    private final MqttClientAdapter client;
    /** Where the client's publish runs: never on the event loop (it takes locks Paho's receiver holds). */
    private final PublishThread publishing;
    private final List<Subscription> subscriptions;
    private final Pipeline pipeline;
    private final Clock clock;
    private final SubscriptionWatchdog watchdog;
    private final TopicRouter router;
    private final IngestLanes lanes;
    private final Deque<Outgoing> outbox = new ArrayDeque<>();
    private final Promise<Void> firstConnect = Promise.promise();

    private State state = State.CONNECTING;
    private long connects;
    private long subscribeFailures;
    private long outboxDropped;
    private String lastError = "";
    private final Backoff backoff;
    private long staleResubscribes;
    private boolean connecting;
    private long connectAttempts;
    private long watchdogTimer = -1;

    private record Outgoing(String topic, byte[] payload, int qos, boolean retained, Promise<Void> done) {
    }

    public MqttIngest(Vertx vertx, MqttOptions options, char[] password, javax.net.SocketFactory socketFactory,
                      List<Subscription> subscriptions, Pipeline pipeline, Clock clock) {
        this(vertx, options, password, socketFactory, subscriptions, pipeline, clock,
                org.linli.gateway.config.PipelineOptions.defaults().effectiveDecodeThreads());
    }

    /** {@code decodeThreads}: the decode workers ({@code pipeline.decodeThreads}, {@link IngestLanes}). */
    public MqttIngest(Vertx vertx, MqttOptions options, char[] password, javax.net.SocketFactory socketFactory,
                      List<Subscription> subscriptions, Pipeline pipeline, Clock clock, int decodeThreads) {
        this(vertx, options, client(options, password, socketFactory), subscriptions, pipeline, clock, decodeThreads);
    }

    /** With the MQTT client given: tests put a stand-in in Paho's place. */
    MqttIngest(Vertx vertx, MqttOptions options, MqttClientAdapter client, List<Subscription> subscriptions,
               Pipeline pipeline, Clock clock, int decodeThreads) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.options = options;
        this.shownUrl = Redaction.url(options.url());
        this.client = client;
        this.publishing = new PublishThread("linli-mqtt-publish-" + options.clientId(), OUTBOX_LIMIT);
        this.subscriptions = List.copyOf(subscriptions);
        this.pipeline = pipeline;
        this.clock = clock;
        this.watchdog = new SubscriptionWatchdog(clock, this.subscriptions, this::onSubscriptionChange);
        this.router = new TopicRouter(this.subscriptions);
        this.lanes = new IngestLanes(context, pipeline, decodeThreads, msg -> {
                    if (msg.profile() != null) {
                        watchdog.messageOn(msg.profile());
                    }
                });
        this.backoff = new Backoff(Duration.ofMillis(options.reconnectMinDelayMs()),
                Duration.ofMillis(Math.max(options.reconnectMinDelayMs(), options.reconnectMaxDelayMs())));
    }

    private static MqttClientAdapter client(MqttOptions options, char[] password, javax.net.SocketFactory socketFactory) {
        MqttConnectSettings settings = MqttConnectSettings.of(options, password, socketFactory);
        return options.isV5() ? new PahoV5Adapter(settings) : new PahoV3Adapter(settings);
    }

    /** Starts connecting; never fails (a broker that is down now is retried). {@link #firstConnect()} tells when it worked. */
    public void start() {
        LOG.info("connecting to MQTT broker {} as {} (MQTT {}{}, {})", shownUrl, options.clientId(), options.version(),
                options.usesTls() ? ", TLS" : "", options.isV5() ? "maximum packet size " + options.maxPacketSizeBytes()
                        + " bytes" : "no maximum packet size in MQTT 3.1.1: the broker's limit protects us");
        tryConnect();
        long period = Math.max(1000, subscriptions.stream().mapToLong(s -> s.expectedInterval().toMillis()).min().orElse(60_000) / 4);
        watchdogTimer = vertx.setPeriodic(period, id -> watchdog.check());
    }

    public Future<Void> firstConnect() {
        return firstConnect.future();
    }

    private void tryConnect() {
        if (state == State.STOPPED || state == State.CONNECTED || connecting) {
            return;
        }
        connecting = true;
        long attempt = ++connectAttempts;
        // a connect that never completes must not leave us waiting for ever: give up on it and try a fresh one
        long guard = vertx.setTimer(CONNECT_GUARD_MS, id -> {
            if (connecting && connectAttempts == attempt && state != State.STOPPED) {
                connecting = false;
                lastError = "connect did not complete within " + CONNECT_GUARD_MS + " ms";
                LOG.warn("MQTT connect to {} hung; retrying with a fresh client", shownUrl);
                retryLater();
            }
        });
        client.connect(new Callbacks()).whenComplete((ok, error) -> context.runOnContext(v -> {
            vertx.cancelTimer(guard);
            if (connectAttempts != attempt) {
                return;
            }
            connecting = false;
            if (error != null && state != State.STOPPED) {
                lastError = ConnectFailure.describe(error);
                long delay = retryLater();
                LOG.warn("MQTT broker {} not reachable ({}); retrying in {} ms", shownUrl, lastError, delay);
            }
        }));
    }

    /** Schedules the next connect attempt after the next back-off delay; returns that delay in ms. */
    private long retryLater() {
        long delay = backoff.next().toMillis();
        vertx.setTimer(delay, id -> tryConnect());
        return delay;
    }

    /** Paho-thread callbacks: hop to the event loop, do nothing else. */
    private final class Callbacks implements MqttClientAdapter.Callbacks {
        @Override
        public void connected(boolean reconnect) {
            context.runOnContext(v -> onConnected(reconnect));
        }

        @Override
        public void connectionLost(String reason) {
            context.runOnContext(v -> onConnectionLost(reason));
        }

        /** Routes and queues the message for its device's decode worker ({@link IngestLanes}); never blocks. */
        @Override
        public void message(String topic, byte[] payload, int qos, Delivery delivery) {
            TopicRouter.Route route = router.route(topic);
            IncomingMessage msg = new IncomingMessage("mqtt", topic, payload, route == null ? null : route.deviceId(),
                    route == null ? null : route.subscription().profile(), clock.instant());
            lanes.submit(msg, new IngestLanes.Outcome() {
                @Override
                public void taken() {
                    delivery.taken();
                }

                @Override
                public void notTaken() {
                    delivery.notTaken();
                }
            });
        }
    }

    private void onConnected(boolean reconnect) {
        if (state == State.STOPPED) {
            return;
        }
        connects++;
        state = State.CONNECTED;
        backoff.reset();
        LOG.info("MQTT {} to {} as {}; subscribing to {} topics", connects > 1 ? "reconnected" : "connected", shownUrl,
                options.clientId(), subscriptions.size());
        watchdog.restartClocks();
        resubscribe();
        flushOutbox();
        firstConnect.tryComplete();
    }

    private void resubscribe() {
        if (subscriptions.isEmpty()) {
            return;
        }
        List<String> filters = subscriptions.stream().map(s -> s.topic().filter()).toList();
        List<Integer> qos = subscriptions.stream().map(Subscription::qos).toList();
        client.subscribe(filters, qos).whenComplete((ok, error) -> context.runOnContext(v -> {
            if (error != null && state == State.CONNECTED) {
                subscribeFailures++;
                lastError = "subscribe failed: " + error.getMessage();
                LOG.error("MQTT subscribe to {} failed ({}); retrying", filters, error.toString());
                vertx.setTimer(options.reconnectMinDelayMs(), id -> {
                    if (state == State.CONNECTED) {
                        resubscribe();
                    }
                });
            }
        }));
    }

    /**
     * The watchdog's listener (on the event loop, from its periodic check): a subscription gone STALE is subscribed
     * again through the client adapter, once per silent spell; the watchdog's own log line says it went stale.
     */
    private void onSubscriptionChange(Subscription s, SubscriptionWatchdog.State changed) {
        if (changed != SubscriptionWatchdog.State.STALE || state != State.CONNECTED) {
            return;
        }
        staleResubscribes++; // the watchdog has logged the silence: one line per state change
        client.subscribe(List.of(s.topic().filter()), List.of(s.qos())).whenComplete((ok, error) -> context.runOnContext(v -> {
            if (error != null && state == State.CONNECTED) {
                subscribeFailures++;
                lastError = "resubscribe to " + s.topic().filter() + " failed: " + error.getMessage();
                LOG.error("MQTT resubscribe to {} failed ({})", s.topic().filter(), error.toString());
            }
        }));
    }

    private void onConnectionLost(String reason) {
        if (state == State.STOPPED) {
            return;
        }
        lastError = reason;
        if (state == State.CONNECTED) {
            LOG.warn("MQTT connection to {} lost ({}); reconnecting", shownUrl, reason);
            state = State.RECONNECTING;
            retryLater();
        }
    }

    /**
     * Publishes (the alerts topic). While disconnected, messages wait in a bounded outbox and go out on reconnect,
     * oldest first; past the bound the oldest are dropped and counted.
     */
    public Future<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        Promise<Void> done = Promise.promise();
        outbox.addLast(new Outgoing(topic, payload, qos, retained, done));
        while (outbox.size() > OUTBOX_LIMIT) {
            outbox.pollFirst().done().tryFail("dropped: outbox full while the broker was unreachable");
            outboxDropped++;
        }
        if (state == State.CONNECTED) {
            flushOutbox();
        }
        return done.future();
    }

    private void flushOutbox() {
        while (!outbox.isEmpty() && state == State.CONNECTED && client.isConnected()) {
            Outgoing o = outbox.pollFirst();
            publishing.publish(client, o.topic(), o.payload(), o.qos(), o.retained())
                    .whenComplete((ok, error) -> context.runOnContext(v -> {
                        if (error == null) {
                            o.done().tryComplete();
                        } else {
                            o.done().tryFail(error instanceof CompletionException && error.getCause() != null
                                    ? error.getCause() : error);
                        }
                    }));
        }
    }

    public State state() {
        return state;
    }

    public SubscriptionWatchdog watchdog() {
        return watchdog;
    }

    /** Successful connections since start: the first one and every reconnection. */
    public long connects() {
        return connects;
    }

    public long subscribeFailures() {
        return subscribeFailures;
    }

    /** Subscriptions subscribed again because the watchdog found them STALE. */
    public long staleResubscribes() {
        return staleResubscribes;
    }

    /** Why the last connect, subscribe or connection failed ("" before any failure). */
    public String lastError() {
        return lastError;
    }

    /** The broker URL as logs and status show it (no password). */
    public String shownUrl() {
        return shownUrl;
    }

    /** Messages delivered by the broker and not yet taken by the pipeline (at most {@code mqtt.maxInFlight}). */
    public int inFlight() {
        return client.inFlight().used();
    }

    /** Total seconds Paho's receiving side waited because {@code mqtt.maxInFlight} messages were not yet taken. */
    public double receiverWaitSeconds() {
        return client.inFlight().waitNanos() / 1e9;
    }

    /** Alerts waiting to be published while the broker is unreachable, and those dropped because too many waited. */
    public int outboxSize() {
        return outbox.size();
    }

    public long outboxDropped() {
        return outboxDropped;
    }

    /** The vendor profile of each subscription, as the watchdog and the counters name them. */
    public List<String> subscriptionProfiles() {
        return subscriptions.stream().map(Subscription::profile).toList();
    }

    /** The decode workers and lanes (tests hold the bulk lane through it). */
    public IngestLanes lanes() {
        return lanes;
    }

    public JsonObject status() {
        return new JsonObject()
                .put("url", shownUrl)
                .put("tls", options.usesTls())
                .put("clientId", options.clientId())
                .put("version", options.version())
                .put("state", state.name())
                .put("connects", connects)
                .put("subscribeFailures", subscribeFailures)
                .put("staleResubscribes", staleResubscribes)
                .put("outbox", outbox.size())
                .put("outboxDropped", outboxDropped)
                .put("lastError", lastError)
                .put("subscriptions", watchdog.toJson())
                .put("ingest", lanes.status());
    }

    /** Disconnects; Paho's close may block briefly, so it runs on a worker thread. */
    public Future<Void> stop() {
        state = State.STOPPED;
        lanes.stop();
        if (watchdogTimer >= 0) {
            vertx.cancelTimer(watchdogTimer);
        }
        return vertx.executeBlocking(() -> {
            publishing.stop();
            client.close();
            return null;
        }, false);
    }
}
