package org.linli.gateway.uplink;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The uplink over TLS: an Artemis MQTT acceptor with a self-signed certificate for 127.0.0.1 (made by the JDK's
 * {@code keytool} for the test); a gateway whose {@code uplink.tls.caFile} is that certificate connects and
 * publishes its summary, one that trusts only the JVM's default list is refused.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UplinkTlsTest {
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
    void aGatewayTrustingTheBrokersCertificateConnectsOverTls(@TempDir Path dir) throws Exception {
        // GIVEN a broker with a TLS acceptor whose certificate is self-signed for 127.0.0.1
        Path keyStore = dir.resolve("broker.p12");
        Path cert = dir.resolve("broker.pem");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keyStore.toString(), "-storepass", "changeit",
                "-file", cert.toString());
        broker = new EmbeddedArtemis(dir.resolve("broker"), keyStore, "changeit");
        centre = new CentreClient(broker.consumerUrl(), "centre-a", CompoundWithUplink.BASE);

        // WHEN a gateway's uplink goes to ssl:// with that certificate as its CA
        compound = new CompoundWithUplink(broker, broker.tlsUrl(), dir.resolve("gw"), 15,
                "  tls:\n    caFile: " + cert + "\n");

        // THEN it connects (the host name checked against the certificate) and its summary reaches the centre
        await().atMost(Duration.ofSeconds(30)).until(() -> centre.lastSummary() != null);
        assertEquals("CONNECTED", compound.get("/api/status").getJsonObject("uplink").getString("state"));
    }

    @Test
    void aGatewayThatDoesNotTrustTheCertificateIsNotConnected(@TempDir Path dir) throws Exception {
        // GIVEN the same TLS acceptor
        Path keyStore = dir.resolve("broker.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", "changeit", "-keypass", "changeit");
        broker = new EmbeddedArtemis(dir.resolve("broker"), keyStore, "changeit");

        // WHEN a gateway connects with the JVM's default trust store only
        compound = new CompoundWithUplink(broker, broker.tlsUrl(), dir.resolve("gw"), 15, "");

        // THEN the handshake fails: the uplink keeps trying and says why
        await().atMost(Duration.ofSeconds(30)).until(() -> compound.get("/api/status").getJsonObject("uplink")
                .getLong("failures") > 0);
        var uplink = compound.get("/api/status").getJsonObject("uplink");
        assertNotEquals("CONNECTED", uplink.getString("state"), uplink.encode());
        assertTrue(String.valueOf(uplink.getString("lastError")).length() > 0, uplink.encode());
    }

    private static void keytool(String... args) throws Exception {
        Path bin = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new java.util.ArrayList<>(List.of(bin.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "keytool " + String.join(" ", args) + ": " + out);
    }
}
