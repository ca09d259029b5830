package org.linli.centre;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.centre.broker.BrokerLink;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The centre's broker link reconnects on its own after the broker drops it, says so (the centre then sends resend)
 * and subscribes again: messages published
 * after the reconnect arrive. The broker's "down" is its MQTT acceptor stopped (open connections closed).
 */
class BrokerLinkReconnectTest {
    @TempDir
    Path dir;
    EmbeddedArtemis broker;
    FakeCompound publisher;
    BrokerLink link;
    final List<String> received = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger connected = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        broker = new EmbeddedArtemis(dir);
        broker.openUplink();
        publisher = new FakeCompound(broker.consumerUrl(), "publisher");
        link = new BrokerLink("picture", List.of(broker.uplinkUrl()), "centre-t-picture", null, null, null,
                List.of("linli/v1/s1/+/+/alert"), false,
                (topic, m, ack) -> received.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
        link.onConnected(connected::incrementAndGet);
        link.start();
    }

    @AfterEach
    void stop() throws Exception {
        link.stop();
        publisher.close();
        broker.close();
    }

    @Test
    void reconnectsAndStillReceives() throws Exception {
        // GIVEN the link connected and receiving
        await().atMost(Duration.ofSeconds(20)).until(() -> link.state() == BrokerLink.State.CONNECTED);
        publisher.alert("c1", "x1", new JsonObject().put("n", 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        // WHEN the broker drops it and comes back
        broker.closeUplink();
        await().atMost(Duration.ofSeconds(20)).until(() -> link.state() != BrokerLink.State.CONNECTED);
        broker.openUplink();
        // THEN it connects again by itself, and what is published afterwards arrives
        await().atMost(Duration.ofSeconds(30))
                .until(() -> link.state() == BrokerLink.State.CONNECTED && link.connects() == 2);
        publisher.alert("c1", "x1", new JsonObject().put("n", 2));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        assertEquals(new JsonObject().put("n", 2), new JsonObject(received.get(received.size() - 1)));
        assertEquals(2, connected.get(), "the centre is told of each connect (it then asks the compounds to resend)");
    }
}
