package org.linli.sim.servers;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

/**
 * The centre's 3-node Artemis cluster, started from docker/artemis/broker.xml, splits an MQTT 5 shared subscription
 * across nodes exactly once and still gives a plain subscriber on another node every message; with logins on, only
 * known users connect and only the centre's role may subscribe to the alert tree.
 */
class ArtemisClusterTest {
    private static final int MESSAGES = 1_000;
    private static final String TOPIC = "linli/v1/s/c/x/alert";
    private static final String SHARED = "$share/centre/linli/v1/+/+/+/alert";
    /** Compound "x" (user "x", client id "gw-x") in its own role; "centre-a" and "centre-b" in role centre. */
    private static final ArtemisSecurity SECURITY =
            new ArtemisSecurity(List.of(new ArtemisSecurity.Compound("s", "c", "x")));
    private static final Map<String, String> CENTRE_USERS = Map.of("centre-a", "secret-a", "centre-b", "secret-b");

    @TempDir
    Path dir;
    private final List<MqttClient> clients = new ArrayList<>();
    private ArtemisCluster cluster;

    @AfterEach
    void stop() throws Exception {
        for (MqttClient c : clients) {
            if (c.isConnected()) {
                c.disconnect();
            }
            c.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void sharedSubscriptionSplitsAcrossNodesExactlyOnceAndPlainSubscriberGetsAll() throws Exception {
        // GIVEN a formed 3-node cluster with logins; two shared subscribers on nodes 2 and 3, a plain one on node 3
        cluster = new ArtemisCluster(dir, 3).withLogins(dir.resolve("logins"), SECURITY, CENTRE_USERS)
                .start(Duration.ofSeconds(40));
        assertTrue(cluster.clusterFormed());
        Map<String, AtomicInteger> sharedSeen = new ConcurrentHashMap<>();
        AtomicInteger onNode2 = new AtomicInteger();
        AtomicInteger onNode3 = new AtomicInteger();
        Set<String> plainSeen = ConcurrentHashMap.newKeySet();
        AtomicInteger plainCount = new AtomicInteger();
        subscribe(cluster.mqttUri(1), "centre-a", "centre-a", SHARED, body -> {
            onNode2.incrementAndGet();
            sharedSeen.computeIfAbsent(body, k -> new AtomicInteger()).incrementAndGet();
        });
        subscribe(cluster.mqttUri(2), "centre-b", "centre-b", SHARED, body -> {
            onNode3.incrementAndGet();
            sharedSeen.computeIfAbsent(body, k -> new AtomicInteger()).incrementAndGet();
        });
        subscribe(cluster.mqttUri(2), "picture", "centre-a", "linli/v1/+/+/+/alert", body -> {
            plainCount.incrementAndGet();
            plainSeen.add(body);
        });
        // the subscriptions on nodes 2 and 3 must be known on node 1 (remote bindings) before publishing there
        await().atMost(Duration.ofSeconds(20)).until(() -> remoteBindingsOnNode1() >= 3);

        // WHEN a publisher on node 1 sends 1,000 QoS 1 messages
        long started = System.nanoTime();
        MqttClient publisher = client(cluster.mqttUri(0), "gw-x", "x", ArtemisCluster.compoundPassword("x"),
                body -> { });
        for (int i = 0; i < MESSAGES; i++) {
            MqttMessage m = new MqttMessage(("alert-" + i).getBytes(StandardCharsets.UTF_8));
            m.setQos(1);
            publisher.publish(TOPIC, m);
        }

        // THEN the shared subscribers got every message once between them, each a share; the plain one got all
        await().atMost(Duration.ofSeconds(30)).until(
                () -> "shared distinct " + sharedSeen.size() + ", plain distinct " + plainSeen.size(),
                seen -> sharedSeen.size() == MESSAGES && plainSeen.size() == MESSAGES);
        // a moment's grace in which a duplicate would show: wait until the counts stop changing
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(
                () -> onNode2.get() + onNode3.get() == MESSAGES && plainCount.get() == MESSAGES);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("ArtemisClusterTest: %d published on node1; shared: node2=%d node3=%d distinct=%d;"
                        + " plain on node3: %d received, %d distinct; %d ms%n",
                MESSAGES, onNode2.get(), onNode3.get(), sharedSeen.size(), plainCount.get(), plainSeen.size(), ms);
        assertTrue(sharedSeen.values().stream().allMatch(n -> n.get() == 1), "a shared message delivered twice");
        assertEquals(MESSAGES, onNode2.get() + onNode3.get(), "shared deliveries");
        assertTrue(onNode2.get() > 0 && onNode3.get() > 0, "both shared subscribers got a share");
        assertEquals(MESSAGES, plainCount.get(), "plain deliveries");
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < MESSAGES; i++) {
            expected.add("alert-" + i);
        }
        assertEquals(expected, plainSeen);
        assertEquals(expected, sharedSeen.keySet());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void withLoginsOnlyKnownUsersConnectAndOnlyTheCentreRoleSubscribes() throws Exception {
        // GIVEN a cluster with logins: compound x's gateway "gw-x" in its own role, "centre-a" in role centre
        cluster = new ArtemisCluster(dir, 3).withLogins(dir.resolve("logins"), SECURITY, CENTRE_USERS)
                .start(Duration.ofSeconds(40));

        // WHEN an unknown password and no login at all try to connect, THEN both are refused
        MqttException wrong = assertThrows(MqttException.class,
                () -> client(cluster.mqttUri(0), "intruder", "x", "guess", body -> { }));
        MqttException anonymous = assertThrows(MqttException.class,
                () -> client(cluster.mqttUri(0), "anonymous", body -> { }));
        // WHEN the gateway tries to subscribe to the alert tree, THEN the broker refuses (reason code >= 0x80)
        MqttClient gateway = client(cluster.mqttUri(0), "gw-x", "x", ArtemisCluster.compoundPassword("x"), body -> { });
        IMqttToken refused = gateway.subscribe(
                new MqttSubscription[]{new MqttSubscription("linli/v1/+/+/+/alert", 1)});
        refused.waitForCompletion(10_000);
        int refusedCode = refused.getReasonCodes()[0];
        // WHEN the centre user subscribes on node 2 and the gateway publishes 10 alerts on node 1
        Set<String> centreSeen = ConcurrentHashMap.newKeySet();
        MqttClient centre = client(cluster.mqttUri(1), "centre-a", "centre-a", "secret-a", centreSeen::add);
        centre.subscribe(new MqttSubscription[]{new MqttSubscription("linli/v1/+/+/+/alert", 1)})
                .waitForCompletion(10_000);
        await().atMost(Duration.ofSeconds(20)).until(() -> remoteBindingsOnNode1() >= 1);
        for (int i = 0; i < 10; i++) {
            MqttMessage m = new MqttMessage(("alert-" + i).getBytes(StandardCharsets.UTF_8));
            m.setQos(1);
            gateway.publish(TOPIC, m);
        }
        // THEN the centre receives all 10
        await().atMost(Duration.ofSeconds(20)).until(() -> centreSeen.size() == 10);
        System.out.printf("ArtemisClusterTest logins: wrong password refused (reason %d), anonymous refused"
                        + " (reason %d), gateway subscribe refused (reason 0x%x), centre received %d of 10%n",
                wrong.getReasonCode(), anonymous.getReasonCode(), refusedCode, centreSeen.size());
        assertTrue(refusedCode >= 0x80, "the gateway's subscription must be refused, got " + refusedCode);
    }

    /** Queue bindings node 1 holds for consumers on other nodes (one per subscription queue on nodes 2 and 3). */
    private long remoteBindingsOnNode1() throws Exception {
        return cluster.remoteBindingCount(0);
    }

    /** A centre user's client (password "secret-" + the user's last letter) subscribed to {@code filter}. */
    private void subscribe(String uri, String id, String user, String filter, Consumer<String> onMessage)
            throws Exception {
        MqttClient c = client(uri, id, user, "secret-" + user.charAt(user.length() - 1), onMessage);
        // the client's callback, not a per-filter listener: Paho v5 matches listeners by topic filter, and no topic
        // matches a "$share/..." filter
        c.subscribe(new MqttSubscription[]{new MqttSubscription(filter, 1)}).waitForCompletion(10_000);
    }

    private MqttClient client(String uri, String id, Consumer<String> onMessage) throws Exception {
        return client(uri, id, null, null, onMessage);
    }

    private MqttClient client(String uri, String id, String user, String password, Consumer<String> onMessage)
            throws Exception {
        MqttClient c = new MqttClient(uri, id, new MemoryPersistence());
        c.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                onMessage.accept(new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setReceiveMaximum(100);
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        c.connect(o);
        clients.add(c);
        return c;
    }
}
