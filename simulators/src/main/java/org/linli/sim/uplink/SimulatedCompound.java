package org.linli.sim.uplink;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.linli.gateway.alert.AlertType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulated compound's uplink: a Paho MQTT 5 client (client id = compound id, every node URI, automatic
 * reconnect, will = "unreachable" on its retained summary topic) that publishes alert versions, summaries and
 * command replies from an in-memory outbox, one QoS 1 message in flight at a time, dropping a message from the
 * outbox only on a successful PUBACK (so a failover repeats at most the message in flight, never skips one), and
 * answers commands on its command topic ({@link CompoundCommands}). Its state is guarded by one lock; it runs on
 * Paho's threads and the fleet's shared scheduler, which also runs Paho's own tasks.
 */
final class SimulatedCompound implements MqttCallback {
    private static final AlertType[] TYPES =
            {AlertType.GAS_LEAK, AlertType.FIRE, AlertType.WATER_CONTINUOUS_FLOW, AlertType.WATER_INACTIVITY};
    private static final long IN_FLIGHT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** One message waiting in the outbox; {@code entry} non-null for an alert version. */
    private record Outgoing(String topic, byte[] payload, boolean retained, MqttProperties properties,
                            UplinkLedger.Entry entry) {
    }

    private final CompoundAddress at;
    private final UplinkOptions options;
    private final List<String> uris;
    private final ScheduledExecutorService scheduler;
    private final UplinkLedger ledger;
    private final MqttAsyncClient client;
    private final Semaphore connectPermits;
    private final Instant startedAt = Instant.now();
    private final Object lock = new Object();
    private final Map<String, SimulatedAlert> alerts = new LinkedHashMap<>();
    private final Deque<Outgoing> outbox = new ArrayDeque<>();
    private Outgoing inFlight;
    private long inFlightSince;
    private long sequence;
    private int nextAlert;
    private volatile boolean dark;
    private volatile String serverUri;
    private final AtomicInteger connects = new AtomicInteger();

    SimulatedCompound(CompoundAddress at, UplinkOptions options, List<String> uris, ScheduledExecutorService scheduler,
                      UplinkLedger ledger, Semaphore connectPermits) throws MqttException {
        this.at = at;
        this.connectPermits = connectPermits;
        this.options = options;
        this.uris = uris;
        this.scheduler = scheduler;
        this.ledger = ledger;
        this.client = new MqttAsyncClient(uris.get(0), at.compound(), new MemoryPersistence(),
                new TimerPingSender(scheduler), scheduler);
        client.setCallback(this);
    }

    CompoundAddress address() {
        return at;
    }

    /**
     * Connects (asynchronously) once one of the fleet's connect permits is free (hundreds of simultaneous CONNECTs
     * on a small machine time out and retry in a herd); on failure of every URI tries again in a second unless dark.
     * Paho's automatic reconnects after a lost connection do not take a permit.
     */
    void connect() {
        if (dark) {
            return;
        }
        if (!connectPermits.tryAcquire()) {
            scheduler.schedule(this::connect, 50, TimeUnit.MILLISECONDS);
            return;
        }
        try {
            client.connect(connectOptions(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    connectPermits.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    connectPermits.release();
                    scheduler.schedule(SimulatedCompound.this::connect, 1, TimeUnit.SECONDS);
                }
            });
        } catch (MqttException e) {
            connectPermits.release();
            scheduler.schedule(this::connect, 1, TimeUnit.SECONDS);
        }
    }

    private MqttConnectionOptions connectOptions() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setServerURIs(uris.toArray(String[]::new));
        o.setCleanStart(true);
        o.setKeepAliveInterval(options.keepAliveSeconds());
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 5);
        o.setConnectionTimeout(30);
        if (options.passwordOf() != null) {
            o.setUserName(at.compound());
            o.setPassword(options.passwordOf().apply(at.compound()).getBytes(StandardCharsets.UTF_8));
        }
        JsonObject will = new JsonObject().put("v", 1).put("street", at.street()).put("community", at.community())
                .put("compound", at.compound()).put("reachable", false).put("at", Instant.now().toString())
                .put("reason", "will");
        MqttMessage willMessage = new MqttMessage(will.encode().getBytes(StandardCharsets.UTF_8), 1, true, null);
        o.setWill(at.topic("summary"), willMessage);
        return o;
    }

    boolean connected() {
        return client.isConnected();
    }

    /** How many times this compound has connected, the first time included: more than one means it reconnected. */
    int connects() {
        return connects.get();
    }

    /** The node URI of the current connection, or the last one. */
    String serverUri() {
        return serverUri;
    }

    /** Raises a new alert (version 1) and queues it; returns its id. */
    String raise() {
        String id;
        synchronized (lock) {
            nextAlert++;
            id = "A-" + nextAlert;
            SimulatedAlert alert = new SimulatedAlert(id, TYPES[nextAlert % TYPES.length], at, 1 + nextAlert % 6,
                    (1 + nextAlert % 6) * 100 + 1 + "", Instant.now());
            alerts.put(id, alert);
            queueVersion(alert);
        }
        pump();
        return id;
    }

    /** Applies an action locally (as a grid worker on the compound's console would); null when applied. */
    String act(String id, String action, String outcome, String to) {
        String refused;
        synchronized (lock) {
            SimulatedAlert alert = alerts.get(id);
            if (alert == null) {
                return "no alert " + id;
            }
            refused = alert.apply(action, "gw-local", outcome, null, to, Instant.now());
            if (refused == null) {
                queueVersion(alert);
            }
        }
        pump();
        return refused;
    }

    /** Queues a retained summary (and publishes it when connected). */
    void publishSummary() {
        synchronized (lock) {
            queue(at.topic("summary"), summary().encode(), true, null, null);
        }
        pump();
    }

    private JsonObject summary() {
        long open = alerts.values().stream().filter(SimulatedAlert::open).count();
        return new JsonObject().put("v", 1).put("street", at.street()).put("community", at.community())
                .put("compound", at.compound()).put("compoundName", at.name()).put("reachable", true)
                .put("at", Instant.now().toString()).put("startedAt", startedAt.toString())
                .put("devices", new JsonObject().put("expected", 120).put("heard", 120).put("offline", 0)
                        .put("offlineIds", new JsonArray()))
                .put("sources", new JsonArray().add(new JsonObject().put("name", "mqtt").put("kind", "mqtt")
                        .put("state", "UP").put("reason", null)))
                .put("queue", new JsonObject().put("depth", 0).put("oldestAgeSeconds", -1))
                .put("outbox", new JsonObject().put("depth", outbox.size()))
                .put("openAlerts", open);
    }

    /** Messages not yet acknowledged by the broker (including the one in flight). */
    int outboxDepth() {
        synchronized (lock) {
            return outbox.size();
        }
    }

    /** Abrupt loss: closes the TCP connection without DISCONNECT, so the broker publishes the will. */
    void goDark() {
        dark = true;
        try {
            client.disconnectForcibly(0, 0, false);
        } catch (MqttException e) {
            // already disconnected: dark anyway
        }
    }

    /** Reconnects after {@link #goDark}; queued messages then go out. */
    void comeBack() {
        dark = false;
        connect();
    }

    boolean dark() {
        return dark;
    }

    void close() {
        dark = true;
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            // closing anyway
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // closing anyway
        }
    }

    private void queueVersion(SimulatedAlert alert) {
        queue(at.topic("alert"), alert.toJson().encode(), false, null,
                new UplinkLedger.Entry(at.compound(), alert.id(), alert.version(), alert.state().name()));
    }

    private void queue(String topic, String json, boolean retained, MqttProperties props, UplinkLedger.Entry e) {
        outbox.add(new Outgoing(topic, json.getBytes(StandardCharsets.UTF_8), retained, props, e));
    }

    /** Sends the outbox head unless one is in flight (or has been for too long: then sends it again). */
    void pump() {
        Outgoing next;
        long seq;
        synchronized (lock) {
            if (inFlight != null && System.nanoTime() - inFlightSince > IN_FLIGHT_TIMEOUT_NANOS) {
                inFlight = null;
            }
            if (dark || inFlight != null || outbox.isEmpty() || !client.isConnected()) {
                return;
            }
            next = outbox.peek();
            inFlight = next;
            inFlightSince = System.nanoTime();
            seq = ++sequence;
        }
        MqttMessage m = new MqttMessage(next.payload(), 1, next.retained(), next.properties());
        try {
            client.publish(next.topic(), m, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    done(seq, codes == null || codes.length == 0 || codes[0] < 0x80);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    done(seq, false);
                }
            });
        } catch (MqttException e) {
            done(seq, false);
        }
    }

    private void done(long seq, boolean acknowledged) {
        synchronized (lock) {
            if (seq != sequence || inFlight == null) {
                return;
            }
            if (acknowledged) {
                Outgoing sent = outbox.poll();
                if (sent != null && sent.entry() != null) {
                    ledger.acknowledged(sent.entry());
                }
            }
            inFlight = null;
        }
        if (acknowledged) {
            pump();
        } else {
            scheduler.schedule(this::pump, 200, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String uri) {
        serverUri = uri;
        connects.incrementAndGet();
        try {
            // a session on another node starts empty: subscribe on every connect
            client.subscribe(new MqttSubscription(at.topic("command"), 1));
        } catch (MqttException e) {
            // the next reconnect subscribes again
        }
        synchronized (lock) {
            inFlight = null;
        }
        publishSummary();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        MqttProperties in = message.getProperties();
        if (in == null || in.getResponseTopic() == null) {
            return;
        }
        JsonObject cmd;
        try {
            cmd = new JsonObject(new String(message.getPayload(), StandardCharsets.UTF_8));
        } catch (DecodeException | ClassCastException e) {
            cmd = null;
        }
        synchronized (lock) {
            JsonObject reply = CompoundCommands.answer(at, cmd, alerts, this::queueVersion, Instant.now());
            MqttProperties out = new MqttProperties();
            out.setCorrelationData(in.getCorrelationData());
            queue(in.getResponseTopic(), reply.encode(), false, out, null);
        }
        pump();
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        synchronized (lock) {
            inFlight = null;
        }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }
}
