package org.linli.gateway.mqtt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.MutableClock;
import org.linli.gateway.TestSites;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertService;
import org.linli.gateway.alert.AlertState;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.site.SiteDirectory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrokerConnectionAlertTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"));
    private final AlertService alerts = new AlertService(SiteDirectory.from(TestSites.small()), clock);
    private final AtomicReference<MqttIngest.State> state = new AtomicReference<>(MqttIngest.State.CONNECTED);
    private final BrokerConnectionAlert rule = new BrokerConnectionAlert(state::get, alerts, clock, Duration.ofSeconds(60));

    private List<Alert> brokerAlerts() {
        return alerts.list().stream().filter(a -> a.type() == AlertType.BROKER_OFFLINE).toList();
    }

    private void checkFor(Duration d) {
        for (long s = 0; s < d.toSeconds(); s += 5) {
            clock.advance(Duration.ofSeconds(5));
            rule.check();
        }
    }

    @Test
    @DisplayName("a broker connection down past the grace raises ONE MAJOR alert, however long it stays down; back up, it is cleared")
    void oneAlertPerOutage() {
        // GIVEN a connected gateway
        checkFor(Duration.ofMinutes(2));
        assertTrue(brokerAlerts().isEmpty());

        // WHEN a broker restart takes 40 s THEN no alert: reconnecting within the grace is normal
        state.set(MqttIngest.State.RECONNECTING);
        checkFor(Duration.ofSeconds(40));
        state.set(MqttIngest.State.CONNECTED);
        checkFor(Duration.ofSeconds(10));
        assertTrue(brokerAlerts().isEmpty(), "a short outage raises nothing");

        // WHEN the connection is lost for 10 minutes
        state.set(MqttIngest.State.RECONNECTING);
        checkFor(Duration.ofMinutes(10));
        // THEN exactly one alert, raised once, for the whole compound (no building: the duty office's)
        List<Alert> raised = brokerAlerts();
        assertEquals(1, raised.size());
        Alert a = raised.get(0);
        assertEquals(Severity.MAJOR, a.severity());
        assertEquals(1, a.count(), "raised once, not at every check");
        assertEquals(AlertState.OPEN, a.state());
        assertTrue(a.detail().startsWith("与MQTT服务器的连接已中断超过"), a.detail());

        // WHEN it connects again THEN the alert is cleared (a person closes it)
        state.set(MqttIngest.State.CONNECTED);
        checkFor(Duration.ofSeconds(5));
        assertEquals(AlertState.DEVICE_CLEARED, brokerAlerts().get(0).state());
        assertEquals(1, brokerAlerts().size());
    }

    @Test
    @DisplayName("with a life-safety connection, one alert when either connection stays down, cleared when both are back")
    void twoConnectionsOneAlert() {
        // GIVEN the alert as MqttConnections wires it for two connections
        AtomicReference<MqttIngest.State> lifeSafety = new AtomicReference<>(MqttIngest.State.CONNECTED);
        BrokerConnectionAlert both = new BrokerConnectionAlert(() -> MqttConnections.worst(state.get(), lifeSafety.get()),
                alerts, clock, Duration.ofSeconds(60));
        // WHEN only the life-safety connection is lost for 10 minutes (say its client id is refused)
        lifeSafety.set(MqttIngest.State.RECONNECTING);
        for (int i = 0; i < 120; i++) {
            clock.advance(Duration.ofSeconds(5));
            both.check();
        }
        // THEN one alert stands, although the main connection is up
        assertEquals(1, brokerAlerts().size());
        assertEquals(AlertState.OPEN, brokerAlerts().get(0).state());
        // WHEN the main connection drops too, then the life-safety one comes back: still that one alert, still open
        state.set(MqttIngest.State.RECONNECTING);
        clock.advance(Duration.ofSeconds(5));
        both.check();
        lifeSafety.set(MqttIngest.State.CONNECTED);
        clock.advance(Duration.ofSeconds(5));
        both.check();
        assertEquals(1, brokerAlerts().size());
        assertEquals(1, brokerAlerts().get(0).count());
        assertEquals(AlertState.OPEN, brokerAlerts().get(0).state());
        // WHEN both are back THEN it is cleared
        state.set(MqttIngest.State.CONNECTED);
        clock.advance(Duration.ofSeconds(5));
        both.check();
        assertEquals(AlertState.DEVICE_CLEARED, brokerAlerts().get(0).state());
    }

    @Test
    @DisplayName("a gateway that never reached its broker raises the alert too; a stopped one does not")
    void neverConnected() {
        // GIVEN a gateway starting with an unreachable broker
        state.set(MqttIngest.State.CONNECTING);
        checkFor(Duration.ofMinutes(2));
        // THEN the alert stands
        assertEquals(1, brokerAlerts().size());

        // AND a gateway being stopped raises nothing
        AlertService other = new AlertService(SiteDirectory.from(TestSites.small()), clock);
        BrokerConnectionAlert stopped = new BrokerConnectionAlert(() -> MqttIngest.State.STOPPED, other, clock,
                Duration.ofSeconds(60));
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofSeconds(5));
            stopped.check();
        }
        assertTrue(other.list().isEmpty());
    }
}
