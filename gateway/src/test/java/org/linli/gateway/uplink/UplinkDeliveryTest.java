package org.linli.gateway.uplink;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.config.UplinkOptions;
import org.linli.gateway.site.Location;
import org.linli.gateway.site.Person;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

/** The uplink against a real Artemis node: alert versions are durable in the outbox and reach the centre in order. */
class UplinkDeliveryTest {
    private static final Person WORKER = new Person("li", "李娜", "13900000001");
    private static final Person LEADER = new Person("zhao", "赵强", "13900000009");
    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    @TempDir
    Path tmp;
    private EmbeddedArtemis broker;
    private CentreSubscriber centre;
    private final List<Uplink> uplinks = new ArrayList<>();

    @BeforeEach
    void broker() throws Exception {
        broker = new EmbeddedArtemis(tmp.resolve("broker"));
        centre = new CentreSubscriber(broker.consumerUrl(), options().alertTopic());
    }

    @AfterEach
    void stop() throws Exception {
        for (Uplink u : uplinks) {
            u.close();
        }
        centre.close();
        broker.close();
    }

    @Test
    void versionsRaisedWhileTheBrokerIsDownAreAllDeliveredInOrderOnceItComesUp() throws Exception {
        // GIVEN the broker is down for the gateway and three alerts go through four versions each
        Uplink uplink = start();
        List<String> raised = raise(uplink, List.of("A1", "A2", "A3"), 1, 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> uplink.statusJson().getLong("failures") > 0);
        assertEquals(12, uplink.statusJson().getLong("outboxDepth"));

        // WHEN the broker comes up
        broker.openUplink();

        // THEN every version arrives, each alert's versions in the order they were raised, and the outbox empties
        await().atMost(Duration.ofSeconds(45)).until(() -> centre.distinct().containsAll(raised));
        assertInOrderPerAlert(4, "A1", "A2", "A3");
        assertEquals(raised, new ArrayList<>(new LinkedHashSet<>(centre.received.stream().map(CentreSubscriber::key).toList())),
                "the outbox's order is the topic's order");
        await().atMost(Duration.ofSeconds(10)).until(() -> uplink.statusJson().getLong("outboxDepth") == 0);
        assertEquals(12, uplink.statusJson().getLong("published"));
        assertEquals("CONNECTED", uplink.statusJson().getString("state"));
    }

    @Test
    void aRestartWithANonEmptyOutboxResumesAtTheCommittedPositionAndDeliversTheRest() throws Exception {
        // GIVEN versions 1-3 of two alerts delivered and acknowledged
        broker.openUplink();
        Uplink first = start();
        List<String> before = raise(first, List.of("B1", "B2"), 1, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> centre.distinct().containsAll(before)
                && first.statusJson().getLong("outboxDepth") == 0);
        // AND versions 4-6 raised while the broker is away, so they wait in the outbox
        broker.closeUplink();
        List<String> after = raise(first, List.of("B1", "B2"), 4, 6);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.statusJson().getLong("outboxDepth") == 6);

        // WHEN the gateway's uplink is closed (a restart) and started again on the same data directory
        first.close();
        uplinks.remove(first);
        int receivedBeforeRestart = centre.received.size();
        broker.openUplink();
        Uplink second = start();

        // THEN the rest arrives, in order per alert, and what was acknowledged before the restart is not sent again
        await().atMost(Duration.ofSeconds(45)).until(() -> centre.distinct().containsAll(after));
        assertInOrderPerAlert(6, "B1", "B2");
        Set<String> resent = new HashSet<>(centre.received.subList(receivedBeforeRestart, centre.received.size())
                .stream().map(CentreSubscriber::key).toList());
        resent.retainAll(before);
        assertTrue(resent.isEmpty(), "versions committed before the restart were sent again: " + resent);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.statusJson().getLong("outboxDepth") == 0);
    }

    private void assertInOrderPerAlert(int versions, String... ids) {
        Map<String, List<Integer>> byId = centre.versionsById();
        for (String id : ids) {
            assertEquals(java.util.stream.IntStream.rangeClosed(1, versions).boxed().toList(), byId.get(id), id);
        }
    }

    private Uplink start() throws Exception {
        Uplink u = Uplink.start(options(), tmp.resolve("data").toString(), System::getenv, Clock.systemUTC());
        uplinks.add(u);
        return u;
    }

    private UplinkOptions options() {
        return new UplinkOptions(List.of(broker.uplinkUrl()), "xinhua", "heping", "xingfuli", null, null, null,
                null, null);
    }

    /** Raises versions {@code from..to} of each alert, interleaved (v1 of each, then v2 of each, ...); returns their keys. */
    private static List<String> raise(Uplink uplink, List<String> ids, int from, int to) {
        List<String> keys = new ArrayList<>();
        for (int v = from; v <= to; v++) {
            for (String id : ids) {
                uplink.alertListener().onAlert(alert(id, v), v == 1);
                keys.add(id + "#" + v);
            }
        }
        return keys;
    }

    private static Alert alert(String id, int version) {
        return Alert.builder().id(id).type(AlertType.GAS_LEAK).severity(Severity.CRITICAL)
                .device("gas-" + id, "gas_alarm").compound("幸福里").location(Location.parse("3-2-501"))
                .grid("g1", WORKER, LEADER).raisedAt(T0).build().toBuilder().version(version).build();
    }
}
