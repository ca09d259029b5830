package org.linli.centre.broker;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.linli.gateway.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.SocketFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * One MQTT 5 connection of the centre to the broker cluster: every node URL as Paho serverURIs, clean start off and
 * a persistent session, its OWN reconnect loop with the gateway's {@link Backoff} (Paho's automatic reconnect is off),
 * and every subscription made again on EVERY connect: a session resumed on another cluster node starts empty
 * (DISTRICT-NOTES). Runs its loop on its own thread ({@code linli-centre-<name>}); messages arrive on Paho's thread and
 * go to the {@link Handler}, which must hand them over quickly (to the event loop). With {@code manualAcks} a
 * message is acknowledged only when the handler calls its ack, so a replica that dies first leaves it to the others.
 */
public final class BrokerLink {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerLink.class);
    private static final long SESSION_EXPIRY_SECONDS = 3600;

    /** Called on Paho's thread for each message; {@code ack} acknowledges it (a no-op without manual acks). */
    public interface Handler {
        void message(String topic, MqttMessage message, Runnable ack);
    }

    public enum State { CONNECTING, CONNECTED, BACKING_OFF, STOPPED }

    private final String name;
    private final List<String> urls;
    private final String clientId;
    private final String username;
    private final byte[] password;
    private final SocketFactory tls;
    private final List<String> filters;
    private final boolean manualAcks;
    private final Handler handler;
    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));
    private final Object lock = new Object();
    private final LongAdder connects = new LongAdder();
    private volatile State state = State.CONNECTING;
    private volatile boolean stopping;
    private volatile MqttAsyncClient client;
    private final CompletableFuture<Void> firstConnect = new CompletableFuture<>();
    private volatile Runnable onConnected = () -> { };
    private Thread thread;

    public BrokerLink(String name, List<String> urls, String clientId, String username, byte[] password,
                      SocketFactory tls, List<String> filters, boolean manualAcks, Handler handler) {
        this.name = name;
        this.urls = List.copyOf(urls);
        this.clientId = clientId;
        this.username = username;
        this.password = password;
        this.tls = tls;
        this.filters = List.copyOf(filters);
        this.manualAcks = manualAcks;
        this.handler = handler;
    }

    public void start() {
        thread = new Thread(this::run, "linli-centre-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Called on the link's thread after every successful connect and subscribe (hand it over to the event loop). */
    public void onConnected(Runnable r) {
        this.onConnected = r;
    }

    /** Completes at the first successful connect and subscribe. */
    public CompletableFuture<Void> firstConnect() {
        return firstConnect;
    }

    public State state() {
        return state;
    }

    public long connects() {
        return connects.sum();
    }

    private void run() {
        while (!stopping) {
            MqttAsyncClient c = client;
            if (c != null && c.isConnected()) {
                synchronized (lock) {
                    try {
                        lock.wait(1_000); // woken by disconnected() or stop()
                    } catch (InterruptedException e) {
                        break;
                    }
                }
                continue;
            }
            try {
                state = State.CONNECTING;
                connectAndSubscribe();
                state = State.CONNECTED;
                backoff.reset();
                connects.increment();
                firstConnect.complete(null);
                LOG.info("centre {} connected to {} as {}, {} subscription(s) made", name,
                        client.getCurrentServerURI(), clientId, filters.size());
                onConnected.run();
            } catch (Exception e) {
                if (stopping) {
                    break;
                }
                closeClient();
                state = State.BACKING_OFF;
                long ms = backoff.next().toMillis();
                LOG.warn("centre {}: {}; trying again in {} ms", name, e.toString(), ms);
                synchronized (lock) {
                    try {
                        lock.wait(ms);
                    } catch (InterruptedException ie) {
                        break;
                    }
                }
            }
        }
        closeClient();
        state = State.STOPPED;
    }

    private void connectAndSubscribe() throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(urls.get(0), clientId, new MemoryPersistence());
        c.setManualAcks(manualAcks);
        c.setCallback(new Callback(c));
        client = c;
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setServerURIs(urls.toArray(String[]::new));
        o.setCleanStart(false);
        o.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(10);
        o.setConnectionTimeout(10);
        if (username != null) {
            o.setUserName(username);
        }
        if (password != null) {
            o.setPassword(password);
        }
        if (tls != null) {
            o.setSocketFactory(tls);
        }
        c.connect(o).waitForCompletion(15_000);
        if (!c.isConnected()) {
            throw new IllegalStateException("no CONNACK within 15 s from " + urls);
        }
        if (filters.isEmpty()) {
            return;
        }
        MqttSubscription[] subs = filters.stream().map(f -> new MqttSubscription(f, 1))
                .toArray(MqttSubscription[]::new);
        IMqttToken t = c.subscribe(subs);
        t.waitForCompletion(15_000);
        int[] codes = t.getReasonCodes();
        for (int i = 0; codes != null && i < codes.length && i < filters.size(); i++) {
            if (codes[i] >= 0x80) {
                LOG.warn("centre {}: the broker refused the subscription {} (reason {})", name, filters.get(i),
                        codes[i]);
            }
        }
    }

    /** Publishes at QoS 1; the future completes at the PUBACK (or fails when not connected). */
    public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retained, MqttProperties props) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            done.completeExceptionally(new IllegalStateException("not connected to the broker"));
            return done;
        }
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        m.setRetained(retained);
        if (props != null) {
            m.setProperties(props);
        }
        try {
            c.publish(topic, m, null, new org.eclipse.paho.mqttv5.client.MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (MqttException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private final class Callback implements MqttCallback {
        private final MqttAsyncClient owner;

        Callback(MqttAsyncClient owner) {
            this.owner = owner;
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {
            LOG.warn("centre {}: connection lost ({})", name, r == null ? "?" : r.getReasonString());
            synchronized (lock) {
                lock.notifyAll();
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            LOG.warn("centre {}: {}", name, e.toString());
        }

        @Override
        public void messageArrived(String topic, MqttMessage m) {
            Runnable ack = !manualAcks ? () -> { } : () -> {
                try {
                    if (owner == client && owner.isConnected()) {
                        owner.messageArrivedComplete(m.getId(), m.getQos());
                    }
                } catch (MqttException e) {
                    LOG.debug("centre {}: ack failed: {}", name, e.toString());
                }
            };
            handler.message(topic, m, ack);
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

    public void stop() throws InterruptedException {
        stopping = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }
}
