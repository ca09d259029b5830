package org.linli.gateway.mqtt;

import io.vertx.core.Vertx;
import org.linli.drivers.model.DeviceType;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.pipeline.Pipeline;
import org.linli.gateway.site.Device;

import javax.net.SocketFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The gateway's broker connections: one, or, with {@code mqtt.lifeSafetyConnection}, a second one that takes the
 * subscriptions of the life-safety vendor profiles (gas alarms, smoke detectors) under the client id
 * {@code clientId + "-life-safety"}, so that the broker queues their messages apart from the meters' readings
 * (docs/ARCHITECTURE.md "The life-safety connection"). The main connection keeps every other subscription and
 * publishes the alerts topic. A profile's devices all publish on its topic, so each device is on one connection.
 */
public final class MqttConnections {
    /** The source name of the second connection; the main one keeps {@link MqttSource#NAME}. */
    public static final String LIFE_SAFETY_SOURCE = "mqtt-life-safety";

    private final MqttIngest main;
    private final MqttIngest lifeSafety;
    private final Set<String> lifeSafetyProfiles;

    private MqttConnections(MqttIngest main, MqttIngest lifeSafety, Set<String> lifeSafetyProfiles) {
        this.main = main;
        this.lifeSafety = lifeSafety;
        this.lifeSafetyProfiles = lifeSafetyProfiles;
    }

    /**
     * One connection, or two when the option is on and some subscription is a life-safety profile's.
     * {@code deviceTypes}: each vendor profile's device type.
     */
    public static MqttConnections create(Vertx vertx, MqttOptions options, char[] password, SocketFactory tls,
                                         List<Subscription> subscriptions, Map<String, DeviceType> deviceTypes,
                                         Pipeline pipeline, Clock clock, int decodeThreads) {
        Predicate<Subscription> isLifeSafety = s -> {
            DeviceType type = deviceTypes.get(s.profile());
            return type != null && type.isLifeSafety();
        };
        List<Subscription> lifeSafe = options.lifeSafetyConnection()
                ? subscriptions.stream().filter(isLifeSafety).toList() : List.of();
        if (lifeSafe.isEmpty()) {
            return new MqttConnections(new MqttIngest(vertx, options, password, tls, subscriptions, pipeline, clock,
                    decodeThreads), null, Set.of());
        }
        List<Subscription> others = subscriptions.stream().filter(isLifeSafety.negate()).toList();
        MqttIngest main = new MqttIngest(vertx, options, password, tls, others, pipeline, clock, decodeThreads);
        MqttIngest second = new MqttIngest(vertx,
                options.withClientId(options.clientId() + MqttOptions.LIFE_SAFETY_CLIENT_SUFFIX), password, tls,
                lifeSafe, pipeline, clock, decodeThreads);
        return new MqttConnections(main, second,
                lifeSafe.stream().map(Subscription::profile).collect(Collectors.toUnmodifiableSet()));
    }

    /** The connection that publishes the alerts topic and takes every subscription not on the life-safety one. */
    public MqttIngest main() {
        return main;
    }

    /** The life-safety connection, or null when there is none. */
    public MqttIngest lifeSafety() {
        return lifeSafety;
    }

    /**
     * One source per connection. The broker-down alert is one alert, run by the main connection's source, and
     * raised when either connection has been down for its grace period.
     */
    public List<MqttSource> sources(Vertx vertx, AlertService alerts, Clock clock) {
        List<MqttSource> out = new ArrayList<>();
        if (lifeSafety == null) {
            out.add(new MqttSource(main, vertx, alerts, clock));
            return out;
        }
        Predicate<Device> onLifeSafety = d -> lifeSafetyProfiles.contains(d.profile());
        out.add(new MqttSource(MqttSource.NAME, main, vertx, alerts, clock, onLifeSafety.negate(), this::worstState));
        out.add(new MqttSource(LIFE_SAFETY_SOURCE, lifeSafety, vertx, null, clock, onLifeSafety, lifeSafety::state));
        return out;
    }

    private MqttIngest.State worstState() {
        return worst(main.state(), lifeSafety.state());
    }

    /** What the one broker-down alert sees of two connections: connected only while both are, else the first that is not. */
    static MqttIngest.State worst(MqttIngest.State main, MqttIngest.State lifeSafety) {
        return main != MqttIngest.State.CONNECTED ? main : lifeSafety;
    }

    /** Each connection with the label its meters carry: {@code main}, and {@code life-safety} when there is one. */
    public Map<String, MqttIngest> labelled() {
        return lifeSafety == null ? Map.of("main", main) : Map.of("main", main, "life-safety", lifeSafety);
    }
}
