package org.linli.gateway.mqtt;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * MQTT 3.1.1 through Paho's mqttv3 client: persistent session (clean session off), manual acks, Paho's automatic
 * reconnect off: each {@link #connect} discards the previous client instance and connects a fresh one, and
 * {@code MqttIngest} decides when to call it.
 * MQTT 3.1.1 cannot announce a maximum packet size, and Paho v3 allocates whatever length a packet declares (up to
 * 256 MB): the broker's message size limit (docker/mosquitto/mosquitto.conf: max_packet_size) is the only bound here.
 */
final class PahoV3Adapter implements MqttClientAdapter {
    private final MqttConnectSettings settings;
    private final InFlightLimit limit;
    private volatile MqttAsyncClient client;
    private volatile InFlightLimit.Connection slots;

    PahoV3Adapter(MqttConnectSettings settings) {
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

    private MqttConnectOptions options() {
        var o = settings.options();
        MqttConnectOptions c = new MqttConnectOptions();
        c.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        c.setCleanSession(false);
        c.setKeepAliveInterval(o.keepAliveSeconds());
        c.setConnectionTimeout(10);
        // reconnection is MqttIngest's job, the same way for both protocol versions
        c.setAutomaticReconnect(false);
        c.setMaxInflight(1000);
        if (o.username() != null) {
            c.setUserName(o.username());
        }
        if (settings.password() != null) {
            c.setPassword(settings.password());
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

    private static IMqttActionListener listener(CompletableFuture<Void> done) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                int[] granted = token.getGrantedQos();
                if (granted != null) {
                    for (int q : granted) {
                        if (q == 0x80) {
                            done.completeExceptionally(new IllegalStateException("broker refused the subscription"));
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
    private record Bridge(MqttAsyncClient owner, InFlightLimit.Connection slots, Callbacks callbacks, java.util.function.BooleanSupplier current) implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (current.getAsBoolean()) {
                callbacks.connected(reconnect);
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            slots.close(); // its messages no longer count, and a blocked callback thread is let go
            if (current.getAsBoolean()) {
                callbacks.connectionLost(String.valueOf(cause));
            }
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
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
