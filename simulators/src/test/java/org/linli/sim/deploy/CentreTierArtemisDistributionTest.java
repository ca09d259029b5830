package org.linli.sim.deploy;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.centre.broker.BrokerTls;
import org.linli.sim.servers.ArtemisSecurity;
import org.linli.sim.servers.RequiredTools;

import javax.net.SocketFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The centre tier's broker as production runs it (docs/DEPLOY.md, "The centre tier"): three nodes of the Artemis 2.40.0
 * distribution ({@code org.apache.activemq:apache-artemis:2.40.0:tar.gz:bin}, fetched once into the local Maven
 * repository with {@code mvn dependency:get}), each an instance with docker/artemis/broker-tls.xml, the generated
 * per-compound security file included with xi:include, the certificates of docker/centre-tier/make-certs.sh, and
 * the secrets in the environment.
 */
class CentreTierArtemisDistributionTest {
    private static final Path MAKE_CERTS = Path.of("..", "docker", "centre-tier", "make-certs.sh");
    private static final String KEYSTORE_PASSWORD = "ks-" + Long.toHexString(System.nanoTime());
    private static final String TRUSTSTORE_PASSWORD = "ts-" + Long.toHexString(System.nanoTime());
    private static final String CENTRE_PASSWORD = "centre-" + Long.toHexString(System.nanoTime());
    private static final Path ARTEMIS_USERS = Path.of("..", "docker", "centre-tier", "ArtemisUsers.java");

    @TempDir
    Path dir;
    private final List<CentreTierArtemisNode> nodes = new ArrayList<>();
    private final List<MqttAsyncClient> clients = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (MqttAsyncClient c : clients) {
            try {
                c.disconnectForcibly(0, 1000, false);
                c.close(true);
            } catch (MqttException ignored) {
                // already gone
            }
        }
        for (CentreTierArtemisNode n : nodes) {
            n.close();
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    @DisplayName("three nodes of the distribution with broker-tls.xml and the generated security form the cluster; a compound's alert published on node 1 over TLS reaches the centre's shared subscription on node 3; plain TCP is refused")
    void aCompoundsAlertCrossesTheDistributionCluster() throws Exception {
        RequiredTools.require("openssl", new ProcessBuilder("openssl", "version").start().waitFor() == 0);
        RequiredTools.require("apache-artemis-2.40.0-bin.tar.gz (mvn -B dependency:get "
                + "-Dartifact=org.apache.activemq:apache-artemis:2.40.0:tar.gz:bin)", Files.isRegularFile(CentreTierArtemisNode.DISTRIBUTION));

        // GIVEN the tier's certificates, the security generated for compounds x1 and x2, their hashed logins and the
        // centre's (what artemis-etc.sh runs: ArtemisSecurity's generator, then ArtemisUsers.java on the distribution's jars)
        Path tls = dir.resolve("tls");
        CentreTierArtemisNode.run(dir, List.of("bash", MAKE_CERTS.toAbsolutePath().toString()), Map.of(
                "LINLI_CENTRE_TLS_DIR", tls.toString(), "LINLI_ARTEMIS_NODES", "node1 node2 node3",
                "LINLI_ARTEMIS_KEYSTORE_PASSWORD", KEYSTORE_PASSWORD,
                "LINLI_CENTRE_TRUSTSTORE_PASSWORD", TRUSTSTORE_PASSWORD));
        Path home = CentreTierArtemisNode.unpack(dir);
        Path compounds = Files.writeString(dir.resolve("compounds.txt"), "s1 c1 x1\ns1 c1 x2\n");
        Path generated = Files.createDirectories(dir.resolve("generated"));
        ArtemisSecurity.main(new String[]{compounds.toString(), generated.toString(), "centre"});
        CentreTierArtemisNode.run(dir, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", home.resolve("lib/*").toString(), ARTEMIS_USERS.toAbsolutePath().toString(),
                compounds.toString(), generated.toString()), Map.of("LINLI_CENTRE_BROKER_PASSWORD", CENTRE_PASSWORD));
        Map<String, String> passwords = new HashMap<>();
        for (String line : Files.readAllLines(generated.resolve("compound-passwords.env"))) {
            passwords.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        assertFalse(Files.readString(generated.resolve("artemis-users.properties")).contains(passwords.get("x1")),
                "the users file holds hashes only");
        Map<String, Path> etc = Map.of(
                "linli-security.xml", generated.resolve("linli-security.xml"),
                "artemis-users.properties", generated.resolve("artemis-users.properties"),
                "artemis-roles.properties", generated.resolve("artemis-roles.properties"));
        int[] core = {CentreTierArtemisNode.freePort(), CentreTierArtemisNode.freePort(), CentreTierArtemisNode.freePort()};
        for (int i = 0; i < 3; i++) {
            List<String> peers = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                if (j != i) {
                    peers.add("tcp://127.0.0.1:" + core[j]);
                }
            }
            nodes.add(CentreTierArtemisNode.create(home, dir, "node" + (i + 1), CentreTierArtemisNode.freePort(),
                    core[i], peers, etc));
        }

        // WHEN the three nodes run under bin/artemis run with the secrets in their environment
        for (int i = 0; i < 3; i++) {
            nodes.get(i).start(tls.resolve("node" + (i + 1) + ".p12"), Map.of(
                    "LINLI_ARTEMIS_KEYSTORE_PASSWORD", KEYSTORE_PASSWORD,
                    "LINLI_ARTEMIS_CLUSTER_PASSWORD", "cluster-" + KEYSTORE_PASSWORD));
        }
        // ... until every node's two bridges are connected (AMQ221027 twice in each log)
        for (CentreTierArtemisNode n : nodes) {
            await("bridges of a node").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                    .until(() -> n.log().split("AMQ221027", -1).length - 1 >= 2 || !n.alive());
            assertTrue(n.alive(), "node runs: " + n.log());
        }
        SocketFactory trust = BrokerTls.from(tls.resolve("broker-ca.p12").toString(), TRUSTSTORE_PASSWORD.toCharArray());
        List<String> centreSeen = new CopyOnWriteArrayList<>();
        MqttAsyncClient centre = connect(url(2), "centre-a-work", "centre", CENTRE_PASSWORD, trust, centreSeen);
        IMqttToken sub = centre.subscribe("$share/centre/linli/v1/+/+/+/alert", 1);
        sub.waitForCompletion(10_000);
        assertTrue(sub.getReasonCodes()[0] < 0x80, "centre's shared subscription: reason " + sub.getReasonCodes()[0]);
        MqttAsyncClient x1 = connect(url(0), "x1", "x1", passwords.get("x1"), trust, new CopyOnWriteArrayList<>());
        // the subscription's binding reaches node 1 over the cluster shortly after the SUBACK: publish versions
        // until one arrives, then every later one must
        AtomicInteger version = new AtomicInteger();
        await("the cluster routes node 1's publications to node 3").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    publish(x1, "linli/v1/s1/c1/x1/alert", alert(version.incrementAndGet()));
                    return !centreSeen.isEmpty();
                });
        IMqttToken published = publish(x1, "linli/v1/s1/c1/x1/alert", alert(1000));

        // THEN the compound's publish is accepted and the centre user on another node receives it
        assertTrue(published.getReasonCodes() == null || published.getReasonCodes()[0] < 0x80, "PUBACK ok");
        await().atMost(Duration.ofSeconds(20)).until(() -> centreSeen.contains(alert(1000)));
        // AND x1 may not publish in x2's branch (the included per-compound settings are in force)
        assertEquals(0x87, publish(x1, "linli/v1/s1/c1/x2/alert", "forged").getReasonCodes()[0]);
        // AND the MQTT port speaks TLS only, and no node logged a secret
        assertThrows(Exception.class, () -> connect("tcp://localhost:" + nodes.get(0).mqttPort(), "plain", "x1",
                passwords.get("x1"), null, new CopyOnWriteArrayList<>()));
        for (CentreTierArtemisNode n : nodes) {
            assertTrue(n.alive(), "the node still runs");
            assertFalse(n.log().contains(KEYSTORE_PASSWORD), "no key store or cluster password in the log");
        }
        System.out.println("CentreTierArtemisDistributionTest: versions published before the route was up: " + version.get());
    }

    private String url(int node) {
        return "ssl://localhost:" + nodes.get(node).mqttPort();
    }

    private static String alert(int version) {
        return "{\"id\":\"A-1\",\"version\":" + version + "}";
    }

    private static IMqttToken publish(MqttAsyncClient client, String topic, String body) throws MqttException {
        IMqttToken token = client.publish(topic, message(body));
        token.waitForCompletion(10_000);
        return token;
    }

    private MqttAsyncClient connect(String url, String id, String user, String password, SocketFactory trust,
                                    List<String> seen) throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(url, id, new MemoryPersistence());
        c.setCallback(new Collecting(seen));
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setUserName(user);
        o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        o.setConnectionTimeout(5);
        if (trust != null) {
            o.setSocketFactory(trust);
        }
        try {
            c.connect(o).waitForCompletion(10_000);
        } catch (MqttException e) {
            c.close(true);
            throw e;
        }
        clients.add(c);
        return c;
    }

    private static MqttMessage message(String body) {
        MqttMessage m = new MqttMessage(body.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        return m;
    }

    /** Paho's callback thread: keeps every payload received. */
    private record Collecting(List<String> seen) implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            seen.add(new String(message.getPayload(), StandardCharsets.UTF_8));
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
    }
}
