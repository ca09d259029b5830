package org.linli.gateway.uplink;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.linli.gateway.config.UplinkOptions;
import org.linli.gateway.queue.QueuedRecord;
import org.linli.gateway.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLSocketFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Drains the {@link UplinkOutbox} in order to the centre's broker: one record at a time at QoS 1 (so the order on
 * the topic is the order of the outbox), committing it only after the broker's PUBACK with a success reason code.
 * A record whose PUBACK did not arrive is sent again after the reconnect: at least once, never skipped.
 * <p>
 * Runs on its own thread ({@code linli-uplink-publisher}) with Paho's blocking waits: connect (every configured node
 * URI in turn, starting after the node of the last connection, clean start off, a session kept for days, keep-alive
 * 10 s, the will on the summary topic), then subscribe the command topic (an MQTT session resumed on another
 * cluster node starts empty, so always) and publish the last summary, then publish, wait, commit; a failure closes
 * the client and waits out {@link Backoff} before the next connection. Summaries and command replies are published
 * from the event loop with {@link #publishNow} (Paho's client is thread-safe), only while connected. Commands arrive
 * on Paho's callback thread and go to the {@link CommandSink}.
 */
final class UplinkPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(UplinkPublisher.class);
    private static final long SESSION_EXPIRY_SECONDS = 7L * 24 * 3600;
    private static final long ACK_TIMEOUT_MS = 30_000;

    static final int KEEP_ALIVE_SECONDS = 10;
    static final long WILL_DELAY_SECONDS = 1;
    static final long STOP_GRACE_MS = 5_000;

    enum State { CONNECTING, CONNECTED, BACKING_OFF, STOPPED }

    /** Where the commands of the centre go (called on Paho's callback thread). */
    interface CommandSink {
        void arrived(byte[] payload, String responseTopic, byte[] correlationData);
    }

    private final UplinkOutbox outbox;
    private final UplinkOptions options;
    private final List<String> urls;
    private final String clientId;
    private final String username;
    private final char[] password;
    private final String topic;
    private final SSLSocketFactory tls;
    private final Clock clock;
    private volatile Supplier<String> lastSummary = () -> null;
    private volatile CommandSink commands;
    private volatile Runnable onConnected = () -> { };
    private volatile String farewell;
    private int nextUrl;
    private volatile boolean subscribed;
    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));
    private final Object sleeper = new Object();
    final LongAdder published = new LongAdder();
    final LongAdder failures = new LongAdder();
    private volatile State state = State.CONNECTING;
    private volatile String lastError;
    private volatile boolean stopping;
    private Thread thread;
    private volatile MqttAsyncClient client;

    UplinkPublisher(UplinkOutbox outbox, UplinkOptions options, char[] password, SSLSocketFactory tls, Clock clock) {
        this.outbox = outbox;
        this.options = options;
        this.urls = List.copyOf(options.urls());
        this.clientId = options.clientId();
        this.username = options.username();
        this.password = password;
        this.topic = options.alertTopic();
        this.tls = tls;
        this.clock = clock;
    }

    /**
     * Before {@link #start()}: the last summary (sent first after every connect), where commands go (without one the
     * command topic is not subscribed) and what to do once connected (the event loop refreshes the summary).
     */
    void serve(Supplier<String> lastSummary, CommandSink commands, Runnable onConnected) {
        this.lastSummary = lastSummary;
        this.commands = commands;
        this.onConnected = onConnected;
    }

    /** The summary a clean stop leaves on the topic ({@code reachable: false, reason: "stopped"}). */
    void farewell(String summary) {
        this.farewell = summary;
    }

    void start() {
        thread = new Thread(this::run, "linli-uplink-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    State state() {
        return state;
    }

    /** Whether the command topic is subscribed on the current connection. */
    boolean commandsSubscribed() {
        return subscribed && state == State.CONNECTED;
    }

    String lastError() {
        return lastError;
    }

    private void run() {
        while (!stopping) {
            try {
                if (client == null || !client.isConnected()) {
                    state = State.CONNECTING;
                    connect();
                    subscribeAndAnnounce();
                    state = State.CONNECTED;
                    backoff.reset();
                    LOG.info("uplink connected to {} as {}", client.getCurrentServerURI(), clientId);
                    onConnected.run();
                }
                QueuedRecord head = outbox.head(1_000);
                if (head != null) {
                    send(head);
                    outbox.commit(head);
                    published.increment();
                }
            } catch (InterruptedException e) {
                break;
            } catch (Exception e) {
                if (stopping) {
                    break;
                }
                failures.increment();
                lastError = e.toString();
                closeClient();
                state = State.BACKING_OFF;
                long ms = backoff.next().toMillis();
                LOG.warn("uplink: {}; trying again in {} ms", e.toString(), ms);
                pause(ms);
            }
        }
        sayFarewell();
        closeClient();
        state = State.STOPPED;
    }

    private void connect() throws MqttException, InterruptedException {
        closeClient();   // a connection lost while idle leaves its client behind
        subscribed = false;
        List<String> order = new ArrayList<>(urls.subList(nextUrl, urls.size()));
        order.addAll(urls.subList(0, nextUrl));
        MqttAsyncClient c = new MqttAsyncClient(order.get(0), clientId, new MemoryPersistence());
        c.setCallback(new Callback());
        client = c;
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setServerURIs(order.toArray(String[]::new));
        o.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        MqttMessage will = new MqttMessage(CompoundSummary.will(options, clock.instant()).encode()
                .getBytes(StandardCharsets.UTF_8));
        will.setQos(1);
        will.setRetained(true);
        o.setWill(options.summaryTopic(), will);
        // Artemis 2.40 publishes the will of a persistent session (expiry > 0) only from its session scan, and only
        // when the will delay is above 0: with 0 a dead gateway's will is never sent (docs/CENTRE.md)
        MqttProperties willProperties = new MqttProperties();
        willProperties.setWillDelayInterval(WILL_DELAY_SECONDS);
        o.setWillMessageProperties(willProperties);
        if (tls != null) {
            o.setSocketFactory(tls);
        }
        o.setCleanStart(false);
        o.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        o.setAutomaticReconnect(false); // this loop reconnects, with the gateway's back-off
        o.setConnectionTimeout(10);
        if (username != null) {
            o.setUserName(username);
        }
        if (password != null) {
            o.setPassword(new String(password).getBytes(StandardCharsets.UTF_8));
        }
        complete(l -> c.connect(o, null, l), 15_000, false);
        if (!c.isConnected()) {
            throw new IllegalStateException("no CONNACK within 15 s from " + urls);
        }
        // after a loss, the next connection starts with the node after this one (failover, docs/CENTRE.md)
        nextUrl = (Math.max(0, urls.indexOf(c.getCurrentServerURI())) + 1) % urls.size();
    }

    /** Subscribes the command topic (when commands are served) and publishes the last summary, before any alert. */
    private void subscribeAndAnnounce() throws MqttException, InterruptedException {
        if (commands != null) {
            MqttAsyncClient c = client;
            IMqttToken t = complete(l -> c.subscribe(new MqttSubscription[]{
                    new MqttSubscription(options.commandTopic(), 1)}, null, l, new MqttProperties()), 15_000, false);
            int[] codes = t == null ? null : t.getReasonCodes();
            subscribed = codes != null && codes.length > 0 && codes[0] < 0x80;
            if (!subscribed) {
                // alert versions and summaries still go out: the centre's view matters more than its commands
                lastError = "subscribing " + options.commandTopic() + " refused: reason "
                        + (codes == null || codes.length == 0 ? "none" : codes[0]);
                LOG.warn("uplink: {}; the centre's commands will not arrive until the next connection", lastError);
            }
        }
        String summary = lastSummary.get();
        if (summary != null) {
            MqttAsyncClient c = client;
            if (complete(l -> c.publish(options.summaryTopic(), message(summary, true), null, l), ACK_TIMEOUT_MS,
                    false) == null) {
                throw new IllegalStateException("no PUBACK for the summary within " + ACK_TIMEOUT_MS + " ms");
            }
        }
    }

    /**
     * Publishes at QoS 1 without waiting (a summary, retained; a command's reply with its correlation data); false
     * when not connected or Paho refused it. Called on the event loop.
     */
    boolean publishNow(String topicName, String payload, boolean retained, byte[] correlationData) {
        MqttAsyncClient c = client;
        if (c == null || state != State.CONNECTED || !c.isConnected()) {
            return false;
        }
        MqttMessage m = message(payload, retained);
        if (correlationData != null) {
            MqttProperties p = new MqttProperties();
            p.setCorrelationData(correlationData);
            m.setProperties(p);
        }
        try {
            c.publish(topicName, m);
            return true;
        } catch (MqttException e) {
            LOG.warn("uplink: could not publish to {}: {}", topicName, e.toString());
            return false;
        }
    }

    private static MqttMessage message(String payload, boolean retained) {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        m.setRetained(retained);
        return m;
    }

    /** On a clean stop: the summary saying {@code reachable: false, reason: "stopped"}, waited for up to 3 s. */
    private void sayFarewell() {
        MqttAsyncClient c = client;
        String f = farewell;
        if (c == null || f == null || !c.isConnected()) {
            return;
        }
        try {
            complete(l -> c.publish(options.summaryTopic(), message(f, true), null, l), 3_000, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MqttException e) {
            LOG.warn("uplink: the stop could not be announced to the centre: {}", e.toString());
        }
    }

    /** Hands commands to the sink; the loop itself notices a lost connection ({@code isConnected}). */
    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String t, MqttMessage m) {
            CommandSink sink = commands;
            if (sink == null || !options.commandTopic().equals(t)) {
                return;
            }
            MqttProperties p = m.getProperties();
            sink.arrived(m.getPayload(), p == null ? null : p.getResponseTopic(),
                    p == null ? null : p.getCorrelationData());
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.warn("uplink disconnected: {}", response == null ? "-" : response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("uplink MQTT error: {}", exception.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }

    /** Publishes one record at QoS 1 and returns once the broker acknowledged it with a success code. */
    private void send(QueuedRecord record) throws MqttException, InterruptedException {
        MqttMessage m = message(record.line(), false);
        MqttAsyncClient c = client;
        IMqttToken token = complete(l -> c.publish(topic, m, null, l), ACK_TIMEOUT_MS, false);
        if (token == null) {
            throw new IllegalStateException("no PUBACK within " + ACK_TIMEOUT_MS + " ms");
        }
        int[] codes = token.getReasonCodes();
        if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
            throw new IllegalStateException("the broker refused the alert version: PUBACK reason " + codes[0]);
        }
    }

    /** Starts one Paho action with the listener it must report to. */
    @FunctionalInterface
    private interface Action {
        IMqttToken start(MqttActionListener listener) throws MqttException;
    }

    /**
     * Starts {@code action} and waits up to {@code ms} for it to succeed or fail, woken by its listener or by
     * {@link #stop()}, which ends the wait at once unless {@code evenWhenStopping} (the farewell); rethrows its
     * failure; returns its token once it succeeded, null when the wait ended first. Paho's own
     * {@code waitForCompletion} cannot be cut short, so a stop would otherwise wait out a silent broker's time-outs.
     */
    private IMqttToken complete(Action action, long ms, boolean evenWhenStopping)
            throws MqttException, InterruptedException {
        Completion done = new Completion();
        IMqttToken token = action.start(done);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        synchronized (sleeper) {
            long left;
            while (!done.finished && !token.isComplete() && (evenWhenStopping || !stopping)
                    && (left = deadline - System.nanoTime()) > 0) {
                // the slice is a safety net only: the listener and stop() both notify
                TimeUnit.NANOSECONDS.timedWait(sleeper, Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
        }
        Throwable failure = done.failure != null ? done.failure : token.getException();
        if (failure instanceof MqttException e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure.toString(), failure);
        }
        return done.finished || token.isComplete() ? token : null;
    }

    /** Told by Paho when one action succeeded or failed; wakes {@link #complete}. */
    private final class Completion implements MqttActionListener {
        private volatile boolean finished;
        private volatile Throwable failure;

        @Override
        public void onSuccess(IMqttToken token) {
            finished = true;
            wakeUp();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable exception) {
            failure = exception == null ? new IllegalStateException("failed without a reason") : exception;
            finished = true;
            wakeUp();
        }
    }

    private void pause(long ms) {
        synchronized (sleeper) {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
            long left;
            while (!stopping && (left = until - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(sleeper, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void closeClient() {
        MqttAsyncClient c = client;
        client = null;
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            // going anyway
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            // nothing left to release
        }
    }

    /**
     * Stops the loop after the record in flight (which, without its PUBACK, stays in the outbox) and disconnects.
     * A loop still blocked after {@link #STOP_GRACE_MS} (a PUBACK or a DISCONNECT a dead broker never answers) has its
     * client closed under it, which ends Paho's waits, and is given as long again.
     */
    void stop() throws InterruptedException {
        stopping = true;
        wakeUp();
        if (thread == null) {
            return;
        }
        thread.join(STOP_GRACE_MS);
        if (thread.isAlive()) {
            LOG.warn("uplink: the publisher did not stop within {} ms; closing its connection under it", STOP_GRACE_MS);
            forceClose();
            thread.join(STOP_GRACE_MS);
        }
    }

    private void wakeUp() {
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    private void forceClose() {
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        try {
            c.disconnectForcibly(0, 100, false);
        } catch (MqttException | RuntimeException e) {
            // closing anyway
        }
        try {
            c.close(true);
        } catch (MqttException | RuntimeException e) {
            // nothing left to release
        }
    }
}
