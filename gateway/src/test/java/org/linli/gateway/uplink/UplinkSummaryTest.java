package org.linli.gateway.uplink;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compound summary on {@code .../summary} (retained, on change, at least every {@code summarySeconds}), the will
 * that marks the compound unreachable when its connection dies, and the farewell of a clean stop, against a real
 * gateway and an embedded Artemis node.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class UplinkSummaryTest {
    private static final String BASE = CompoundWithUplink.BASE;
    private EmbeddedArtemis broker;
    private CompoundWithUplink compound;
    private CentreClient centre;
    private CentreClient late;
    private TcpRelay network;

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{compound, centre, late, network, broker}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void aLateSubscriberGetsTheRetainedSummaryAndItFollowsOfflineDevicesAndOpenAlerts(@TempDir Path dir) throws Exception {
        // GIVEN a running gateway whose uplink is connected, and the centre subscribed
        broker = new EmbeddedArtemis(dir.resolve("broker"));
        broker.openUplink();
        centre = new CentreClient(broker.consumerUrl(), "centre-a", BASE);
        compound = new CompoundWithUplink(broker, dir, 5);
        await().atMost(Duration.ofSeconds(20)).until(() -> centre.lastSummary() != null);
        JsonObject first = centre.lastSummary();
        assertEquals(1, first.getInteger("v"), first.encode());
        assertEquals("nanhu", first.getString("street"));
        assertEquals("xingfu", first.getString("community"));
        assertEquals("xingfuli", first.getString("compound"));
        assertTrue(first.getBoolean("reachable"), first.encode());
        assertEquals(5, first.getJsonObject("devices").getInteger("expected"), first.encode());
        assertEquals(0, first.getJsonObject("devices").getInteger("offline"), first.encode());
        assertEquals(0, first.getInteger("openAlerts"), first.encode());
        assertEquals(-1, first.getJsonObject("queue").getInteger("oldestAgeSeconds"), first.encode());
        assertNotNull(first.getJsonObject("outbox").getInteger("depth"), first.encode());
        JsonArray sources = first.getJsonArray("sources");
        assertEquals("mqtt", sources.getJsonObject(0).getString("name"), first.encode());

        // WHEN a centre replica subscribes later
        late = new CentreClient(broker.consumerUrl(), "centre-late", BASE);
        // THEN it gets the retained summary at once
        await().atMost(Duration.ofSeconds(10)).until(() -> late.lastSummary() != null);
        assertTrue(late.lastSummary().getBoolean("reachable"), late.lastSummary().encode());

        // WHEN a device goes offline (the heartbeat rule's alert) and a gas alarm opens
        compound.raise("gas-3-2-502", AlertType.DEVICE_OFFLINE, Severity.MINOR);
        compound.raise("gas-3-2-501", AlertType.GAS_LEAK, Severity.CRITICAL_VULNERABLE);

        // THEN a summary saying so follows within the debounce, well before the periodic refresh would be due
        await().atMost(Duration.ofSeconds(8)).until(() -> centre.lastSummary().getInteger("openAlerts") == 2);
        JsonObject now = centre.lastSummary();
        assertEquals(1, now.getJsonObject("devices").getInteger("offline"), now.encode());
        assertEquals(new JsonArray().add("gas-3-2-502"), now.getJsonObject("devices").getJsonArray("offlineIds"));

        // AND it is refreshed at least every summarySeconds (5 s here) even when nothing changes
        int seen = centre.summaries.size();
        Instant before = Instant.parse(now.getString("at"));
        await().atMost(Duration.ofSeconds(12)).until(() -> centre.summaries.size() > seen);
        assertTrue(Instant.parse(centre.lastSummary().getString("at")).isAfter(before), centre.lastSummary().encode());
    }

    @Test
    void theWillMarksTheCompoundUnreachableWhenItsConnectionDiesAndACleanStopSaysStopped(@TempDir Path dir)
            throws Exception {
        // GIVEN a connected gateway, through a network that can be cut, whose summary the centre sees as reachable
        broker = new EmbeddedArtemis(dir.resolve("broker"));
        broker.openUplink();
        network = new TcpRelay(broker.uplinkPort);
        centre = new CentreClient(broker.consumerUrl(), "centre-a", BASE);
        compound = new CompoundWithUplink(broker, network.url(), dir, 15);
        await().atMost(Duration.ofSeconds(20)).until(() -> reachable(centre.lastSummary()));

        // WHEN the network to the gateway is cut (no DISCONNECT: the broker sees its connection die)
        network.cut();

        // THEN the broker publishes the will: the compound is unreachable, retained for whoever subscribes later
        await().atMost(Duration.ofSeconds(30)).until(() -> "will".equals(centre.lastSummary().getString("reason")));
        JsonObject will = centre.lastSummary();
        assertFalse(will.getBoolean("reachable"), will.encode());
        assertEquals("xingfuli", will.getString("compound"), will.encode());
        late = new CentreClient(broker.consumerUrl(), "centre-late", BASE);
        await().atMost(Duration.ofSeconds(10)).until(() -> late.lastSummary() != null);
        assertEquals("will", late.lastSummary().getString("reason"), late.lastSummary().encode());
        late.close();
        late = null;

        // WHEN the network comes back, the gateway reconnects and says it is reachable first thing
        network.restore();
        await().atMost(Duration.ofSeconds(40)).until(() -> reachable(centre.lastSummary()));

        // AND WHEN the gateway is stopped cleanly
        compound.stopGateway();

        // THEN its last word on the topic is reachable:false with reason "stopped" (no will: it disconnected cleanly)
        await().atMost(Duration.ofSeconds(15)).until(() -> "stopped".equals(centre.lastSummary().getString("reason")));
        assertFalse(centre.lastSummary().getBoolean("reachable"), centre.lastSummary().encode());
        assertEquals(5, centre.lastSummary().getJsonObject("devices").getInteger("expected"));
        late = new CentreClient(broker.consumerUrl(), "centre-late", BASE);
        await().atMost(Duration.ofSeconds(10)).until(() -> late.lastSummary() != null);
        assertEquals("stopped", late.lastSummary().getString("reason"), late.lastSummary().encode());
    }

    private static boolean reachable(JsonObject summary) {
        return summary != null && Boolean.TRUE.equals(summary.getBoolean("reachable"));
    }
}
