package org.linli.gateway.mqtt;

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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * MQTT 5 through Paho's mqttv5 client: clean start off, a session expiry, manual acks, Paho's automatic reconnect off:
 * each {@link #connect} discards the previous client instance and connects a fresh one, and {@code MqttIngest}
 * decides when to call it.
 */
final class PahoV5Adapter implements MqttClientAdapter {
    private final MqttConnectSettings settings;
    private final InFlightLimit limit;
    private volatile MqttAsyncClient client;
    private volatile InFlightLimit.Connection slots;

    PahoV5Adapter(MqttConnectSettings settings) {
        this.settings = settings;
        this.limit = new InFlightLimit(settings.options().maxInFlight());
    }

    @Override
    public CompletableFuture<Void> connect(Callbacks callbacks) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            MqttAsyncClient previous = client;
            if (previous != null) {
                slots.close();
                closeQuietly(previous);
            }
            MqttAsyncClient fresh = new MqttAsyncClient(settings.options().url(), settings.options().clientId(),
                    new MemoryPersistence());
            fresh.setManualAcks(true);
            InFlightLimit.Connection freshSlots = limit.connection(fresh::isConnected);
            fresh.setCallback(new Bridge(fresh, freshSlots, callbacks, () -> client == fresh));
            slots = freshSlots;
            client = fresh;
            fresh.connect(options(), null, listener(done));
        } catch (MqttException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private MqttConnectionOptions options() {
        var o = settings.options();
        MqttConnectionOptions c = new MqttConnectionOptions();
        c.setCleanStart(false);
        c.setSessionExpiryInterval(o.sessionExpirySeconds());
        c.setKeepAliveInterval(o.keepAliveSeconds());
        c.setConnectionTimeout(10);
        // reconnection is MqttIngest's job: Paho v5's automatic reconnect was seen never to fire after a broker
        // restart that lost our session, leaving the gateway connected to nothing
        c.setAutomaticReconnect(false);
        // announced in CONNECT: the broker must not send us a larger packet (it drops the message), and Paho refuses
        // one from a broker that does before reading it, so no sender can make us allocate more than this
        c.setMaximumPacketSize((long) o.maxPacketSizeBytes());
        // Receive Maximum: the broker sends at most this many QoS 1/2 messages we have not acknowledged yet, whatever
        // its own max_inflight_messages; the in-flight limit's blocking then only ever holds back QoS 0
        c.setReceiveMaximum(o.maxInFlight());
        if (o.username() != null) {
            c.setUserName(o.username());
        }
        if (settings.password() != null) {
            c.setPassword(new String(settings.password()).getBytes(StandardCharsets.UTF_8));
        }
        if (settings.socketFactory() != null) {
            c.setSocketFactory(settings.socketFactory());
        }
        c.setHttpsHostnameVerificationEnabled(settings.verifyHostname());
        return c;
    }

    @Override
    public CompletableFuture<Void> subscribe(List<String> filters, List<Integer> qos) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            client.subscribe(filters.toArray(String[]::new), qos.stream().mapToInt(Integer::intValue).toArray(), null,
                    listener(done));
        } catch (MqttException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            client.publish(topic, payload, qos, retained, null, listener(done));
        } catch (MqttException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    @Override
    public boolean isConnected() {
        return client != null && client.isConnected();
    }

    @Override
    public void close() {
        if (client != null) {
            slots.close();
            closeQuietly(client);
        }
    }

    @Override
    public InFlightLimit inFlight() {
        return limit;
    }

    /** Disconnects (briefly, if still connected) and releases the instance's threads; never throws. */
    private static void closeQuietly(MqttAsyncClient c) {
        Thread t = new Thread(() -> {
            try {
                if (c.isConnected()) {
                    c.disconnect(1000).waitForCompletion(2000);
                }
            } catch (MqttException ignored) {
                // closing anyway
            }
            try {
                c.close(true);
            } catch (MqttException ignored) {
                // nothing left to release
            }
        }, "linli-mqtt-close");
        t.setDaemon(true);
        t.start();
    }

    private static MqttActionListener listener(CompletableFuture<Void> done) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                int[] codes = token.getReasonCodes();
                if (codes != null) {
                    for (int code : codes) {
                        if (code >= 0x80) {
                            done.completeExceptionally(new IllegalStateException("broker refused with reason code 0x"
                                    + Integer.toHexString(code)));
                            return;
                        }
                    }
                }
                done.complete(null);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
                done.completeExceptionally(error);
            }
        };
    }

    /** Forwards one instance's callbacks; connection events of a discarded instance are dropped. */
    private record Bridge(MqttAsyncClient owner, InFlightLimit.Connection slots, Callbacks callbacks, java.util.function.BooleanSupplier current) implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            slots.close(); // its messages no longer count, and a blocked callback thread is let go
            if (current.getAsBoolean()) {
                callbacks.connectionLost(String.valueOf(response.getException() != null ? response.getException() : response));
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            // a protocol-level error report; a real disconnect also arrives through disconnected()
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // blocks this (Paho's callback) thread while maxInFlight messages are not yet taken: TCP back-pressure
            InFlightLimit.Slot slot = slots.acquire(message.getPayload().length);
            if (slot == null) {
                return; // the connection ended while we waited: QoS 1 comes again on the next one
            }
            int id = message.getId();
            int qos = message.getQos();
            callbacks.message(topic, message.getPayload(), qos, new SlotDelivery(slot, qos == 0 ? null : () -> {
                try {
                    if (owner.isConnected()) {
                        owner.messageArrivedComplete(id, qos);
                    }
                } catch (MqttException e) {
                    // the connection dropped before the ack: the broker redelivers, which is what we want
                }
            }));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (current.getAsBoolean()) {
                callbacks.connected(reconnect);
            }
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
