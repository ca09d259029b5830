package org.linli.gateway.mqtt;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.site.Device;
import org.linli.gateway.source.Source;
import org.linli.gateway.source.SourceState;
import org.linli.gateway.source.SourceStatus;
import org.linli.gateway.source.StatusTracker;

import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * MQTT ingest as a {@link Source}: the broker connection is the parent of every MQTT device and the gateway is ready
 * only while it works. Its status: STARTING until the first connect, UP while connected, DEGRADED while connected
 * with a subscription the watchdog finds silent, DOWN while reconnecting (the reason is the last failure). Also runs
 * the broker-down alert ({@link BrokerConnectionAlert}) while started. With a life-safety connection
 * ({@link MqttConnections}) there are two such sources, each the parent of the devices on its connection, and one
 * broker-down alert. Event-loop confined.
 */
public final class MqttSource implements Source {
    public static final String NAME = "mqtt";

    private final String name;
    private final MqttIngest mqtt;
    private final Vertx vertx;
    private final BrokerConnectionAlert brokerAlert;
    private final Predicate<Device> parentOf;
    private final StatusTracker tracker;
    private long alertTimer = -1;

    /** The gateway's only broker connection: the parent of every MQTT device, and the broker-down alert's. */
    public MqttSource(MqttIngest mqtt, Vertx vertx, AlertService alerts, Clock clock) {
        this(NAME, mqtt, vertx, alerts, clock, d -> true, mqtt::state);
    }

    /**
     * One of several connections: {@code parentOf} picks the MQTT devices whose messages come on it;
     * {@code alerts} null: no broker-down alert from this source, otherwise one that reads {@code brokerState}.
     */
    public MqttSource(String name, MqttIngest mqtt, Vertx vertx, AlertService alerts, Clock clock,
                      Predicate<Device> parentOf, Supplier<MqttIngest.State> brokerState) {
        this.name = name;
        this.mqtt = mqtt;
        this.vertx = vertx;
        this.brokerAlert = alerts == null ? null
                : new BrokerConnectionAlert(brokerState, alerts, clock, BrokerConnectionAlert.DEFAULT_GRACE);
        this.parentOf = parentOf;
        this.tracker = new StatusTracker(clock);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Future<Void> start() {
        mqtt.start();
        if (brokerAlert != null) {
            alertTimer = vertx.setPeriodic(5000, id -> brokerAlert.check());
        }
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        if (alertTimer >= 0) {
            vertx.cancelTimer(alertTimer);
        }
        return mqtt.stop();
    }

    @Override
    public SourceStatus status() {
        return switch (mqtt.state()) {
            case CONNECTING -> tracker.observe(SourceState.STARTING, "connecting to " + mqtt.shownUrl()
                    + (mqtt.lastError().isEmpty() ? "" : " (last failure: " + mqtt.lastError() + ")"));
            case CONNECTED -> {
                List<String> stale = mqtt.subscriptionProfiles().stream()
                        .filter(p -> mqtt.watchdog().state(p) == SubscriptionWatchdog.State.STALE).toList();
                yield stale.isEmpty() ? tracker.observe(SourceState.UP, "connected to " + mqtt.shownUrl())
                        : tracker.observe(SourceState.DEGRADED, "no data on the subscriptions of " + stale
                        + " for their expected intervals (resubscribed)");
            }
            case RECONNECTING -> tracker.observe(SourceState.DOWN, "connection to " + mqtt.shownUrl() + " lost: "
                    + mqtt.lastError());
            case STOPPED -> tracker.observe(SourceState.STOPPED, "stopped");
        };
    }

    @Override
    public boolean gatesReadiness() {
        return true;
    }

    @Override
    public boolean isParentOf(Device device) {
        return NAME.equals(device.transport()) && parentOf.test(device);
    }

    @Override
    public boolean isParentUp(Device device) {
        return mqtt.state() == MqttIngest.State.CONNECTED;
    }

    @Override
    public Object details() {
        return mqtt.status();
    }

    /** {@code state}: the connection state (CONNECTING, CONNECTED, RECONNECTING, STOPPED). */
    @Override
    public JsonObject readiness() {
        return new JsonObject().put("state", mqtt.state().name());
    }
}
