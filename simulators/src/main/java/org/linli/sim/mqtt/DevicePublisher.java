package org.linli.sim.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated devices' side of MQTT: one Paho v5 connection that publishes on behalf of every device (as a
 * vendor platform forwarding its devices does). Like a real alarm, it does not give up on a QoS 1 message: what
 * cannot be sent while the broker is away is kept and sent after the reconnect. A window bounds the messages in
 * flight so a fast load run waits for the broker instead of failing.
 */
public final class DevicePublisher implements AutoCloseable {
    private static final int WINDOW = 500;
    /** How long the resend thread waits after Paho refused a message at once. */
    private static final long RESEND_PAUSE_MS = 5;

    private final MqttAsyncClient client;
    private final Semaphore window = new Semaphore(WINDOW);
    private final ConcurrentLinkedQueue<Pending> unsent = new ConcurrentLinkedQueue<>();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final AtomicBoolean reconnecting = new AtomicBoolean();
    private final AtomicBoolean resending = new AtomicBoolean();
    private volatile boolean closed;
    private final MqttConnectionOptions connectOptions;

    private record Pending(String topic, byte[] payload, int qos, CompletableFuture<Void> done) {
    }

    public DevicePublisher(String url, String clientId) {
        this(url, clientId, o -> { });
    }

    /** {@code tuning} adds what a real broker asks for: user name and password, a TLS socket factory. */
    public DevicePublisher(String url, String clientId, java.util.function.Consumer<MqttConnectionOptions> tuning) {
        connectOptions = options();
        tuning.accept(connectOptions);
        try {
            client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
            client.setCallback(new MqttCallback() {
                @Override
                public void disconnected(MqttDisconnectResponse r) {
                    reconnectInBackground();
                }

                @Override
                public void mqttErrorOccurred(MqttException e) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                }

                @Override
                public void deliveryComplete(IMqttToken token) {
                }

                @Override
                public void connectComplete(boolean reconnect, String serverURI) {
                    resendUnsent();
                }

                @Override
                public void authPacketArrived(int reasonCode, MqttProperties properties) {
                }
            });
            client.connect(connectOptions).waitForCompletion(15_000);
        } catch (MqttException e) {
            throw new IllegalStateException("simulator cannot connect to " + url + ": " + e.getMessage(), e);
        }
    }

    private static MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(3600L);
        // our own reconnect loop: Paho v5's automatic reconnect does not fire after a broker restart that lost the session
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(10);
        return o;
    }

    private void reconnectInBackground() {
        if (closed || reconnecting.getAndSet(true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                long delay = 200;
                while (!closed && !client.isConnected()) {
                    Thread.sleep(delay);
                    try {
                        client.connect(connectOptions).waitForCompletion(5000);
                    } catch (MqttException notYet) {
                        delay = Math.min(2000, delay * 2);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                reconnecting.set(false);
            }
        }, "sim-reconnect");
        t.setDaemon(true);
        t.start();
    }

    /** Publishes; the future completes when the broker acknowledged (QoS 1) or the message was sent (QoS 0). */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        send(new Pending(topic, payload, qos, done));
        return done;
    }

    /** Hands {@code p} to Paho; false if it was refused at once (and kept for a resend). */
    private boolean send(Pending p) {
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.done().completeExceptionally(e);
            return true;
        }
        try {
            client.publish(p.topic(), p.payload(), p.qos(), false, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    window.release();
                    acked.incrementAndGet();
                    p.done().complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    window.release();
                    keep(p);
                }
            });
            return true;
        } catch (MqttException | RuntimeException refused) {   // not connected, or the broker's in-flight limit
            window.release();
            keep(p);
            return false;
        }
    }

    private void keep(Pending p) {
        unsent.add(p);
        if (client.isConnected()) {
            resendUnsent();
        }
    }

    /**
     * Sends what was kept, on one thread at a time. A send refused while connected (the broker's Receive Maximum
     * reached: Paho refuses at once) is kept again and retried after a short pause; a thread per refusal, as before,
     * grew to tens of thousands of threads in the community demo and starved the machine of processes.
     */
    private void resendUnsent() {
        if (!resending.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Pending p;
                while (!closed && client.isConnected() && (p = unsent.poll()) != null) {
                    resent.incrementAndGet();
                    if (!send(p)) {
                        Thread.sleep(RESEND_PAUSE_MS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                resending.set(false);
            }
            if (!closed && !unsent.isEmpty() && client.isConnected()) {
                resendUnsent();                               // kept after this thread's last look
            }
        }, "sim-resend");
        t.setDaemon(true);
        t.start();
    }

    /** Waits until every message published so far was acknowledged or the timeout passed. */
    public boolean awaitQuiet(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            if (unsent.isEmpty() && window.availablePermits() == WINDOW) {
                return true;
            }
            if (!unsent.isEmpty() && client.isConnected()) {
                resendUnsent();
            }
            Thread.sleep(50);
        }
        return false;
    }

    public long acked() {
        return acked.get();
    }

    public long resent() {
        return resent.get();
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (client.isConnected()) {
                client.disconnect(2000).waitForCompletion(3000);
            }
            client.close(true);
        } catch (MqttException ignored) {
            // closing anyway
        }
    }
}
