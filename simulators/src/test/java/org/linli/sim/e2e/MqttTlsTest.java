package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.config.MqttTlsOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.mqtt.MqttIngest;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.gateway.security.MqttTls;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.RequiredTools;
import org.linli.sim.servers.TestCertificates;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MQTT over TLS against a real Mosquitto with certificates made by openssl in the test: the gateway connects with
 * the CA, a client certificate (encrypted key) and a password, and receives device reports; it refuses a broker whose
 * certificate another CA signed, or that does not carry the host name dialled, and says why in its status.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MqttTlsTest {
    private static final String USER = "linli";
    private static final String PASSWORD = "mqtt-pass-5f0c";
    private static final String KEY_PASSWORD = "key-pass-91ab";

    private Vertx vertx;

    @BeforeEach
    void setUp() {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        RequiredTools.require("openssl", TestCertificates.available());
        vertx = Vertx.vertx();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
    }

    static final Map<String, String> ENV = Map.of("LINLI_MQTT_PASSWORD", PASSWORD, "LINLI_MQTT_KEY_PASSWORD", KEY_PASSWORD,
            "LINLI_INFLUX_TOKEN", "influx-token-77d3");

    static MqttOptions mqtt(String url, TestCertificates certs, boolean verifyHostname) {
        return MqttOptions.of(url, "linli-tls").withCredentials(USER, "LINLI_MQTT_PASSWORD").withKeepAliveSeconds(10)
                .withReconnectDelaysMs(200, 1000).withAlertsTopic("linli/test/alerts")
                .withTls(new MqttTlsOptions(certs.caFile.toString(), certs.clientCert.toString(),
                        certs.clientKeyEncrypted.toString(), "LINLI_MQTT_KEY_PASSWORD", verifyHostname));
    }

    private Gateway start(SiteConfig site) throws Exception {
        Gateway g = new Gateway(site, VendorProfileCatalog.load(null), ENV::get, Clock.systemUTC());
        vertx.deployVerticle(g).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return g;
    }

    private static <T> T onLoop(Gateway g, Supplier<T> read) throws Exception {
        CompletableFuture<T> out = new CompletableFuture<>();
        g.eventLoop().runOnContext(v -> out.complete(read.get()));
        return out.get(5, TimeUnit.SECONDS);
    }

    /** A closed port: the writer just retries; these tests are about MQTT. */
    private static String nowhere() {
        return "http://127.0.0.1:" + FreePort.pick();
    }

    @Test
    @DisplayName("over TLS with CA, client certificate (encrypted key) and password, the ingest connects and receives every device's report")
    void connectsAndReceives(@TempDir Path dir) throws Exception {
        // GIVEN a broker with a TLS listener that wants a client certificate and a password
        TestCertificates certs = TestCertificates.create(dir.resolve("pki"), KEY_PASSWORD);
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false)
                .withTls(new MosquittoBroker.Tls(certs.caFile, certs.serverCert, certs.serverKey, true))
                .withPassword(USER, PASSWORD).start()) {
            SiteConfig site = E2eHarness.site(mqtt(broker.url(), certs, true), nowhere(), HttpOptions.on("127.0.0.1", 0),
                    dir.resolve("gw"));
            // WHEN the gateway starts from that config
            Gateway gateway = start(site);
            gateway.mqtt().firstConnect().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            JsonObject status = onLoop(gateway, () -> gateway.mqtt().status());
            assertEquals("CONNECTED", status.getString("state"));
            assertTrue(status.getBoolean("tls"));
            // AND the devices publish over TLS too
            var deviceTls = MqttTls.socketFactory(mqtt(broker.url(), certs, true).tls(), ENV::get);
            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-tls", o -> {
                o.setUserName(USER);
                o.setPassword(PASSWORD.getBytes(StandardCharsets.UTF_8));
                o.setSocketFactory(deviceTls);
            });
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 5)) {
                E2eHarness.awaitSubscribed(gateway, publisher, Duration.ofSeconds(30)); // the SUBACK follows the CONNACK
                sim.publishRound().get(30, TimeUnit.SECONDS);
                // THEN every device's report reached the pipeline
                E2eHarness.await("every device heard over TLS", Duration.ofSeconds(30),
                        () -> gateway.pipeline().activity().heardFrom() == sim.deviceCount(),
                        () -> "heard from " + gateway.pipeline().activity().heardFrom() + " of " + sim.deviceCount());
            }
        }
    }

    @Test
    @DisplayName("a broker whose certificate another CA signed is refused: the ingest stays not connected and its status says why")
    void refusesUnknownCa(@TempDir Path dir) throws Exception {
        // GIVEN a broker presenting a certificate from a CA the gateway does not trust
        TestCertificates certs = TestCertificates.create(dir.resolve("pki"), KEY_PASSWORD);
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false)
                .withTls(new MosquittoBroker.Tls(certs.caFile, certs.rogueServerCert, certs.rogueServerKey, false))
                .withPassword(USER, PASSWORD).start()) {
            // WHEN the gateway tries to connect
            Gateway gateway = start(E2eHarness.site(mqtt(broker.url(), certs, true), nowhere(),
                    HttpOptions.on("127.0.0.1", 0), dir.resolve("gw")));
            // THEN it reports a certificate failure and never connects
            E2eHarness.await("a certificate error in the status", Duration.ofSeconds(30),
                    () -> lastError(gateway).contains("TLS handshake failed"), () -> lastError(gateway));
            // AND over a few more attempts with back-off it stays unconnected
            Awaitility.await("the ingest stays unconnected").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
                    .pollInSameThread().until(() -> {
                        JsonObject s = onLoop(gateway, () -> gateway.mqtt().status());
                        return !"CONNECTED".equals(s.getString("state")) && s.getLong("connects") == 0L;
                    });
            JsonObject status = onLoop(gateway, () -> gateway.mqtt().status());
            assertTrue(status.getString("lastError").contains("certification path"), status.getString("lastError"));
        }
    }

    @Test
    @DisplayName("a broker reached by an address its certificate does not name is refused unless verifyHostname is false")
    void checksHostName(@TempDir Path dir) throws Exception {
        // GIVEN a broker whose certificate names only 'localhost', dialled as 127.0.0.1
        TestCertificates certs = TestCertificates.create(dir.resolve("pki"), KEY_PASSWORD);
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false)
                .withTls(new MosquittoBroker.Tls(certs.caFile, certs.serverCert, certs.serverKey, false))
                .withPassword(USER, PASSWORD).start()) {
            String byAddress = "ssl://127.0.0.1:" + broker.port();
            // WHEN the gateway checks host names (the default) THEN it refuses and says so
            Gateway strict = start(E2eHarness.site(mqtt(byAddress, certs, true), nowhere(),
                    HttpOptions.on("127.0.0.1", 0), dir.resolve("gw1")));
            E2eHarness.await("a host name error in the status", Duration.ofSeconds(30),
                    () -> lastError(strict).contains("TLS handshake failed") && lastError(strict).contains("127.0.0.1"),
                    () -> lastError(strict));
            assertNotEquals(MqttIngest.State.CONNECTED, onLoop(strict, () -> strict.mqtt().state()));
            // WHEN told not to check THEN the same broker is accepted (the CA still has to match)
            MqttOptions lax = mqtt(byAddress, certs, false);
            Gateway relaxed = start(E2eHarness.site(MqttOptions.of(lax.url(), "linli-tls-lax").withVersion("3.1.1")
                    .withCredentials(USER, "LINLI_MQTT_PASSWORD").withKeepAliveSeconds(10)
                    .withReconnectDelaysMs(200, 1000).withAlertsTopic("linli/test/alerts")
                    .withTls(lax.tls()), nowhere(),
                    HttpOptions.on("127.0.0.1", 0), dir.resolve("gw2")));
            relaxed.mqtt().firstConnect().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(MqttIngest.State.CONNECTED, onLoop(relaxed, () -> relaxed.mqtt().state()));
        }
    }

    private static String lastError(Gateway g) {
        try {
            return onLoop(g, () -> g.mqtt().status().getString("lastError"));
        } catch (Exception e) {
            return "";
        }
    }
}
