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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The centre tier's broker as production runs it (docs/DEPLOY.md, "The centre tier"): the Artemis 2.40.0
 * distribution ({@code org.apache.activemq:apache-artemis:2.40.0:tar.gz:bin}, fetched once into the local Maven
 * repository with {@code mvn dependency:get}), an instance with docker/artemis/broker-tls.xml, the generated
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
    private CentreTierArtemisNode node;
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
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    @DisplayName("the distribution with broker-tls.xml and the generated security: a compound publishes its alert over TLS, a centre user receives it, plain TCP is refused")
    void aCompoundsAlertReachesTheCentreThroughTheDistribution() throws Exception {
        RequiredTools.require("openssl", new ProcessBuilder("openssl", "version").start().waitFor() == 0);
        RequiredTools.require("apache-artemis-2.40.0-bin.tar.gz (mvn -B dependency:get "
                + "-Dartifact=org.apache.activemq:apache-artemis:2.40.0:tar.gz:bin)", Files.isRegularFile(CentreTierArtemisNode.DISTRIBUTION));

        // GIVEN the tier's certificates, the security generated for compounds x1 and x2, their hashed logins and the centre's
        Path tls = dir.resolve("tls");
        CentreTierArtemisNode.run(dir, List.of("bash", MAKE_CERTS.toAbsolutePath().toString()), Map.of(
                "LINLI_CENTRE_TLS_DIR", tls.toString(), "LINLI_ARTEMIS_NODES", "artemis-1",
                "LINLI_ARTEMIS_KEYSTORE_PASSWORD", KEYSTORE_PASSWORD,
                "LINLI_CENTRE_TRUSTSTORE_PASSWORD", TRUSTSTORE_PASSWORD));
        // (what artemis-etc.sh runs: ArtemisSecurity's generator, then ArtemisUsers.java with the distribution's jars)
        Path compounds = Files.writeString(dir.resolve("compounds.txt"), "s1 c1 x1\ns1 c1 x2\n");
        Path generated = Files.createDirectories(dir.resolve("generated"));
        ArtemisSecurity.main(new String[]{compounds.toString(), generated.toString(), "centre"});
        node = CentreTierArtemisNode.create(dir, Map.of());
        CentreTierArtemisNode.run(dir, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", dir.resolve("apache-artemis-2.40.0/lib/*").toString(), ARTEMIS_USERS.toAbsolutePath().toString(),
                compounds.toString(), generated.toString()), Map.of("LINLI_CENTRE_BROKER_PASSWORD", CENTRE_PASSWORD));
        Map<String, String> passwords = new java.util.HashMap<>();
        for (String line : Files.readAllLines(generated.resolve("compound-passwords.env"))) {
            passwords.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        assertFalse(Files.readString(generated.resolve("artemis-users.properties")).contains(passwords.get("x1")),
                "the users file holds hashes only");
        node.addToEtc(Map.of(
                "linli-security.xml", generated.resolve("linli-security.xml"),
                "artemis-users.properties", generated.resolve("artemis-users.properties"),
                "artemis-roles.properties", generated.resolve("artemis-roles.properties")));

        // WHEN one node runs under bin/artemis run with the secrets in its environment
        node.start(tls.resolve("artemis-1.p12"), Map.of("LINLI_ARTEMIS_KEYSTORE_PASSWORD", KEYSTORE_PASSWORD,
                "LINLI_ARTEMIS_CLUSTER_PASSWORD", "cluster-" + KEYSTORE_PASSWORD));
        SocketFactory trust = BrokerTls.from(tls.resolve("broker-ca.p12").toString(), TRUSTSTORE_PASSWORD.toCharArray());
        String url = "ssl://localhost:" + node.mqttPort();
        List<String> centreSeen = new CopyOnWriteArrayList<>();
        MqttAsyncClient centre = await("the node accepts a TLS login (log: see node1.log)").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> connect(url, "centre-a-work", "centre", CENTRE_PASSWORD, trust, centreSeen), c -> true);
        IMqttToken sub = centre.subscribe("$share/centre/linli/v1/+/+/+/alert", 1);
        sub.waitForCompletion(10_000);
        assertTrue(sub.getReasonCodes()[0] < 0x80, "centre's shared subscription: reason " + sub.getReasonCodes()[0]);
        MqttAsyncClient x1 = connect(url, "x1", "x1", passwords.get("x1"), trust, new CopyOnWriteArrayList<>());
        IMqttToken published = x1.publish("linli/v1/s1/c1/x1/alert",
                message("{\"id\":\"A-1\",\"version\":1}"));
        published.waitForCompletion(10_000);

        // THEN the compound's publish is accepted and the centre user receives it
        assertTrue(published.getReasonCodes() == null || published.getReasonCodes()[0] < 0x80, "PUBACK ok");
        await().atMost(Duration.ofSeconds(20)).until(() -> centreSeen.contains("{\"id\":\"A-1\",\"version\":1}"));
        // AND x1 may not publish in x2's branch (the included per-compound settings are in force)
        IMqttToken forged = x1.publish("linli/v1/s1/c1/x2/alert", message("forged"));
        forged.waitForCompletion(10_000);
        assertEquals(0x87, forged.getReasonCodes()[0]);
        // AND the MQTT port speaks TLS only, and the node logged no secret
        assertThrows(Exception.class, () -> connect("tcp://localhost:" + node.mqttPort(), "plain", "x1", passwords.get("x1"), null,
                new CopyOnWriteArrayList<>()));
        assertTrue(node.alive(), "the node still runs");
        String log = node.log();
        assertFalse(log.contains(KEYSTORE_PASSWORD), "the key store password is not in the log");
        System.out.println("CentreTierArtemisDistributionTest: node log lines: " + log.lines().count());
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
