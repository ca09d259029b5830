package org.linli.gateway.mqtt;

import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * DOMAIN §4: when the broker connection is down, ONE alert for it (the devices behind it raise none: their heartbeat
 * rule sees the parent offline). Raised once the connection has been down for {@code grace} (a broker restart or a
 * short network blip reconnects well within it), cleared when it is back. Compound-wide, so it goes to the duty
 * office. Event-loop confined; {@link #check()} runs on a timer.
 */
public final class BrokerConnectionAlert {
    public static final AlertKey KEY = AlertKey.broker();
    /** Long enough for a broker restart and our back-off to reconnect; short next to any heartbeat interval. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnectionAlert.class);

    private final Supplier<MqttIngest.State> state;
    private final AlertService alerts;
    private final Clock clock;
    private final Duration grace;
    private Instant downSince;
    private boolean raised;

    public BrokerConnectionAlert(Supplier<MqttIngest.State> state, AlertService alerts, Clock clock, Duration grace) {
        this.state = state;
        this.alerts = alerts;
        this.clock = clock;
        this.grace = grace;
    }

    public void check() {
        MqttIngest.State now = state.get();
        if (now == MqttIngest.State.STOPPED) {
            return;
        }
        if (now == MqttIngest.State.CONNECTED) {
            downSince = null;
            if (raised) {
                raised = false;
                LOG.info("MQTT broker connection back: clearing the broker alert");
                alerts.clear(KEY);
            }
            return;
        }
        Instant t = clock.instant();
        if (downSince == null) {
            downSince = t;
        }
        if (!raised && !t.isBefore(downSince.plus(grace))) {
            raised = true;
            alerts.raise(new AlertRequest(KEY, AlertType.BROKER_OFFLINE, Severity.MAJOR, null, null,
                    "与MQTT服务器的连接已中断超过 " + grace.toSeconds() + " 秒：所有MQTT设备的读数与报警"
                            + "暂存在服务器或在设备端丢失，送不到网关"));
        }
    }
}
