package org.linli.gateway.uplink;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.linli.gateway.queue.QueuedRecord;
import org.linli.gateway.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drains the {@link UplinkOutbox} in order to the centre's broker: one record at a time at QoS 1 (so the order on
 * the topic is the order of the outbox), committing it only after the broker's PUBACK with a success reason code.
 * A record whose PUBACK did not arrive is sent again after the reconnect: at least once, never skipped.
 * <p>
 * Runs on its own thread ({@code linli-uplink-publisher}) with Paho's blocking waits: connect (every configured node
 * URI in turn, clean start off, a session kept for days), publish, wait, commit; a failure closes the client and
 * waits out {@link Backoff} before the next connection.
 */
final class UplinkPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(UplinkPublisher.class);
    private static final long SESSION_EXPIRY_SECONDS = 7L * 24 * 3600;
    private static final long ACK_TIMEOUT_MS = 30_000;

    enum State { CONNECTING, CONNECTED, BACKING_OFF, STOPPED }

    private final UplinkOutbox outbox;
    private final List<String> urls;
    private final String clientId;
    private final String username;
    private final char[] password;
    private final String topic;
    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));
    private final Object sleeper = new Object();
    final LongAdder published = new LongAdder();
    final LongAdder failures = new LongAdder();
    private volatile State state = State.CONNECTING;
    private volatile String lastError;
    private volatile boolean stopping;
    private Thread thread;
    private MqttAsyncClient client;

    UplinkPublisher(UplinkOutbox outbox, List<String> urls, String clientId, String username, char[] password, String topic) {
        this.outbox = outbox;
        this.urls = List.copyOf(urls);
        this.clientId = clientId;
        this.username = username;
        this.password = password;
        this.topic = topic;
    }

    void start() {
        thread = new Thread(this::run, "linli-uplink-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    State state() {
        return state;
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
                    state = State.CONNECTED;
                    backoff.reset();
                    LOG.info("uplink connected to {} as {}", client.getCurrentServerURI(), clientId);
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
        closeClient();
        state = State.STOPPED;
    }

    private void connect() throws MqttException {
        client = new MqttAsyncClient(urls.get(0), clientId, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setServerURIs(urls.toArray(String[]::new));
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
        client.connect(o).waitForCompletion(15_000);
        if (!client.isConnected()) {
            throw new IllegalStateException("no CONNACK within 15 s from " + urls);
        }
    }

    /** Publishes one record at QoS 1 and returns once the broker acknowledged it with a success code. */
    private void send(QueuedRecord record) throws MqttException {
        MqttMessage m = new MqttMessage(record.line().getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        m.setRetained(false);
        IMqttToken token = client.publish(topic, m);
        token.waitForCompletion(ACK_TIMEOUT_MS);
        if (!token.isComplete()) {
            throw new IllegalStateException("no PUBACK within " + ACK_TIMEOUT_MS + " ms");
        }
        int[] codes = token.getReasonCodes();
        if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
            throw new IllegalStateException("the broker refused the alert version: PUBACK reason " + codes[0]);
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

    /** Stops the loop after the record in flight (which, without its PUBACK, stays in the outbox) and disconnects. */
    void stop() throws InterruptedException {
        stopping = true;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        if (thread != null) {
            thread.join(20_000);
        }
    }
}
