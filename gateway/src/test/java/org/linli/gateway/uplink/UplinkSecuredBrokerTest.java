package org.linli.gateway.uplink;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broker whose role for the compound may publish but not subscribe (the permissions of docker/artemis/broker.xml
 * before per-compound roles): the refused command subscription is shown, and alert versions and the summary still
 * reach the centre.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class UplinkSecuredBrokerTest {
    private EmbeddedArtemis broker;
    private CompoundWithUplink compound;
    private CentreClient centre;

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{compound, centre, broker}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void aRefusedCommandSubscriptionStopsNeitherAlertsNorTheSummary(@TempDir Path dir) throws Exception {
        // GIVEN a secured broker: the gateway's login may publish under linli/v1 but not subscribe there
        broker = EmbeddedArtemis.secured(dir.resolve("broker"));
        broker.openUplink();
        centre = new CentreClient(broker.consumerUrl(), "centre-a", CompoundWithUplink.BASE, "centre", "centre-pw");
        compound = new CompoundWithUplink(broker, broker.uplinkUrl(), dir, 15,
                "  username: gw\n  passwordEnv: LINLI_INFLUX_TOKEN\n");

        // WHEN it connects and an alert is raised
        await().atMost(Duration.ofSeconds(20)).until(() -> compound.get("/api/status").getJsonObject("uplink")
                .getString("lastError") != null);
        Alert gas = compound.raise("gas-3-2-501", AlertType.GAS_LEAK, Severity.CRITICAL);

        // THEN the summary and the alert still reach the centre
        await().atMost(Duration.ofSeconds(20)).until(() -> centre.lastSummary() != null
                && centre.alerts.stream().anyMatch(a -> gas.id().equals(a.getString("id"))));
        // AND the status says the commands are not subscribed, and why
        JsonObject uplink = compound.get("/api/status").getJsonObject("uplink");
        assertEquals("CONNECTED", uplink.getString("state"), uplink.encode());
        assertFalse(uplink.getBoolean("commandsSubscribed"), uplink.encode());
        assertTrue(uplink.getString("lastError").contains("refused"), uplink.encode());
    }
}
