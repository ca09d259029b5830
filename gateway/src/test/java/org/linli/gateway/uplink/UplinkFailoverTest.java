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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failover between broker nodes: the gateway's uplink lists two nodes; when the connection to the first dies it
 * connects to the next one, where its MQTT session is new (as on another node of the cluster), subscribes to its
 * command topic again and publishes its summary first. Two unclustered Artemis nodes stand for the cluster's nodes:
 * nothing carries the session or the subscription from one to the other, which is exactly what is tested.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UplinkFailoverTest {
    private EmbeddedArtemis node1;
    private EmbeddedArtemis node2;
    private TcpRelay toNode1;
    private CompoundWithUplink compound;
    private CentreClient centre1;
    private CentreClient centre2;

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{compound, centre1, centre2, toNode1, node1, node2}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void afterLosingItsNodeTheGatewayMovesToTheNextResubscribesAndAnnouncesItself(@TempDir Path dir) throws Exception {
        // GIVEN a gateway whose uplink lists node 1 (through a network that can be cut) and then node 2
        node1 = new EmbeddedArtemis(dir.resolve("node1"));
        node1.openUplink();
        node2 = new EmbeddedArtemis(dir.resolve("node2"));
        node2.openUplink();
        toNode1 = new TcpRelay(node1.uplinkPort);
        centre1 = new CentreClient(node1.consumerUrl(), "centre-1", CompoundWithUplink.BASE);
        centre2 = new CentreClient(node2.consumerUrl(), "centre-2", CompoundWithUplink.BASE);
        compound = new CompoundWithUplink(node1, toNode1.url() + "\", \"" + node2.uplinkUrl(), dir, 15);
        await().atMost(Duration.ofSeconds(20)).until(() -> centre1.lastSummary() != null);
        Alert gas = compound.raise("gas-3-2-501", AlertType.GAS_LEAK, Severity.CRITICAL);
        assertEquals("ok", centre1.request(CentreClient.command("accept", gas.id(), null)).getString("code"));

        // WHEN node 1 becomes unreachable
        toNode1.cut();

        // THEN the gateway connects to node 2 and its summary is there (reachable), published on connect
        await().atMost(Duration.ofSeconds(30)).until(() -> centre2.lastSummary() != null
                && Boolean.TRUE.equals(centre2.lastSummary().getBoolean("reachable")));
        // AND a command sent through node 2 reaches it: it subscribed again on the new node's empty session
        JsonObject onSite = centre2.request(CentreClient.command("on-site", gas.id(), null));
        assertEquals("ok", onSite.getString("code"), onSite.encode());
        assertEquals("ON_SITE", onSite.getJsonObject("alert").getString("state"));
        // AND the new version is published on node 2
        await().atMost(Duration.ofSeconds(10)).until(() -> centre2.alerts.stream()
                .anyMatch(a -> "ON_SITE".equals(a.getString("state"))));
        assertTrue(compound.getText("/metrics").contains("linli_uplink_connected 1.0"));
    }
}
