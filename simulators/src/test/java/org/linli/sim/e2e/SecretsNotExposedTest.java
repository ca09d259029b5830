package org.linli.sim.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.drivers.model.DeviceType;
import org.linli.gateway.ConnectionSummary;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.CameraConfig;
import org.linli.gateway.config.CamerasOptions;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.NotifyChannelOptions;
import org.linli.gateway.config.NotifyOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.gateway.security.MqttTls;
import org.linli.gateway.security.PemFiles;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.RequiredTools;
import org.linli.sim.servers.TestCertificates;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the gateway with known secret values (MQTT password, InfluxDB token, the TLS key's password, a password in
 * the InfluxDB URL), drives it through connect, alarms, bad input and failing writes, then looks for those values in
 * every log line, every HTTP response of the API (over HTTPS) and the check-config output.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SecretsNotExposedTest {
    private static final String MQTT_PASSWORD = "mqtt-pass-5f0c";
    private static final String KEY_PASSWORD = "key-pass-91ab";
    private static final String INFLUX_TOKEN = "influx-token-77d3";
    private static final String URL_PASSWORD = "url-pass-3c1e";
    private static final String WECOM_KEY = "wecom-key-1d2e9a";
    private static final String DINGTALK_TOKEN = "dt-token-8a9b0c";
    private static final String DINGTALK_SECRET = "SECdt-secret-4c5d";
    private static final String HOOK_URL_TOKEN = "hook-url-7e6f55";
    private static final String HOOK_SECRET = "hook-hmac-2b3c44";
    private static final String CAMERA_PASSWORD = "cam-pass-6e7f11";
    private static final List<String> SECRETS = List.of(MQTT_PASSWORD, KEY_PASSWORD, INFLUX_TOKEN, URL_PASSWORD,
            WECOM_KEY, DINGTALK_TOKEN, DINGTALK_SECRET, HOOK_URL_TOKEN, HOOK_SECRET, CAMERA_PASSWORD);

    private Vertx vertx;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void setUp() {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        RequiredTools.require("openssl", TestCertificates.available());
        logs.start();
        root.addAppender(logs);
        vertx = Vertx.vertx();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
        root.detachAppender(logs);
    }

    @Test
    @DisplayName("no configured secret appears in any log line, any HTTP response of the gateway, or check-config's output")
    void secretsStayHidden(@TempDir Path dir) throws Exception {
        // GIVEN a password- and TLS-protected broker, and a gateway configured with known secrets, serving HTTPS
        TestCertificates certs = TestCertificates.create(dir.resolve("pki"), KEY_PASSWORD);
        // AND chat robots that answer with an error page echoing the request (its URL carries the key or token)
        EchoingReceiver robots = EchoingReceiver.start();
        Map<String, String> env = Map.ofEntries(Map.entry("LINLI_MQTT_PASSWORD", MQTT_PASSWORD),
                Map.entry("LINLI_MQTT_KEY_PASSWORD", KEY_PASSWORD), Map.entry("LINLI_INFLUX_TOKEN", INFLUX_TOKEN),
                Map.entry("WECOM_KEY", WECOM_KEY), Map.entry("DT_TOKEN", DINGTALK_TOKEN),
                Map.entry("DT_SECRET", DINGTALK_SECRET), Map.entry("HOOK_SECRET", HOOK_SECRET),
                Map.entry("HOOK_URL", robots.url() + "/hook?token=" + HOOK_URL_TOKEN),
                Map.entry("CAM_PASSWORD", CAMERA_PASSWORD));
        try (robots; MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), false)
                .withTls(new MosquittoBroker.Tls(certs.caFile, certs.serverCert, certs.serverKey, true))
                .withPassword("linli", MQTT_PASSWORD).start()) {
            // the InfluxDB URL carries a password and points at a closed port, so failing writes are logged too
            String influxUrl = "http://admin:" + URL_PASSWORD + "@127.0.0.1:" + FreePort.pick();
            SiteConfig plain = E2eHarness.site(MqttTlsTest.mqtt(broker.url(), certs, true), influxUrl,
                    HttpOptions.on("localhost", 0).withTls(certs.serverCert.toString(), certs.serverKey.toString()),
                    dir.resolve("gw"));
            assertEquals(influxUrl, plain.influx().url());
            // AND notify channels and a camera (not answering) whose secrets come from the environment
            SiteConfig site = plain
                    .withNotifications(NotifyOptions.of(List.of(
                            NotifyChannelOptions.wecom("wecom", "WECOM_KEY").withBaseUrl(robots.url()).withAttempts(2, 2000),
                            NotifyChannelOptions.dingtalk("dingtalk", "DT_TOKEN", "DT_SECRET").withBaseUrl(robots.url())
                                    .withAttempts(2, 2000),
                            NotifyChannelOptions.webhook("hook", "HOOK_URL", "HOOK_SECRET").withAttempts(2, 2000))))
                    .withCameras(CamerasOptions.of(List.of(CameraConfig.of("cam-3", "3号楼入口",
                                    "http://127.0.0.1:" + FreePort.pick() + "/onvif/device_service", "admin", "CAM_PASSWORD",
                                    List.of("3")).withTimes(2, 60)))
                            .withReconnectMaxSeconds(1));
            Gateway gateway = new Gateway(site, VendorProfileCatalog.load(null), env::get, Clock.systemUTC());
            vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            gateway.mqtt().firstConnect().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

            // WHEN devices report, a gas leak raises an alert, a garbled message is dead-lettered, and writes fail
            var deviceTls = MqttTls.socketFactory(site.mqtt().tls(), env::get);
            try (DevicePublisher publisher = new DevicePublisher(broker.url(), "sim-secrets", o -> {
                o.setUserName("linli");
                o.setPassword(MQTT_PASSWORD.getBytes(StandardCharsets.UTF_8));
                o.setSocketFactory(deviceTls);
            });
                 CompoundSimulator sim = new CompoundSimulator(site, E2eHarness.PROFILES, publisher, Clock.systemUTC(), 1, 9)) {
                E2eHarness.awaitSubscribed(gateway, publisher, Duration.ofSeconds(30));
                sim.publishRound().get(30, TimeUnit.SECONDS);
                sim.gasLeak("3-2-501").get(30, TimeUnit.SECONDS);
                String gasTopic = site.devices().stream().filter(d -> d.location().equals("3-2-501") && d.type() == DeviceType.GAS_ALARM)
                        .map(d -> E2eHarness.PROFILES.find(d.profile()).orElseThrow().topicFor(d.id())).findFirst().orElseThrow();
                publisher.publish(gasTopic, "{not json".getBytes(StandardCharsets.UTF_8), 1).get(10, TimeUnit.SECONDS);
                E2eHarness.await("an alert, a dead letter and a failed write", Duration.ofSeconds(30),
                        () -> !gateway.alerts().list().isEmpty() && gateway.pipeline().deadLetters().countsByReason().containsKey("malformed_json")
                                && !gateway.store().stats().toJson(0).getString("lastError").isEmpty());
                E2eHarness.await("every robot asked, its echo in the delivery log", Duration.ofSeconds(30),
                        () -> robots.paths().stream().anyMatch(p -> p.contains(WECOM_KEY))
                                && robots.paths().stream().anyMatch(p -> p.contains(DINGTALK_TOKEN))
                                && robots.paths().stream().anyMatch(p -> p.contains(HOOK_URL_TOKEN))
                                && onLoop(gateway, () -> gateway.notifier().deliveries(gateway.alerts().list().get(0).id())
                                .encode()).contains("answer is not JSON"));
            }
            String alertId = gateway.alerts().list().get(0).id();

            // AND every endpoint of the API is read over HTTPS
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(certs.caFile)).build();
            String base = "https://localhost:" + gateway.httpPort();
            List<String> bodies = new ArrayList<>();
            for (String path : List.of("/health", "/health/ready", "/api/status", "/api/alerts", "/api/alerts?state=open", "/api/alerts/" + alertId,
                    "/api/alerts/" + alertId + "/deliveries",
                    "/api/devices", "/api/dead-letters?limit=1000", "/api/no-such-thing", "/metrics")) {
                HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
                bodies.add(path + " -> " + r.statusCode() + " " + r.headers().map() + " " + r.body());
            }
            List<String> stream = new CopyOnWriteArrayList<>();
            https.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/alerts/stream")).build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(r -> r.body().forEach(stream::add));
            E2eHarness.await("the alert on the stream", Duration.ofSeconds(10), () -> String.join("\n", stream).contains(alertId));
            bodies.add(String.join("\n", stream));

            // AND check-config's summary is printed
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            ConnectionSummary.print(site, env::get, new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertTrue(ConnectionSummary.checkTlsMaterial(site, env::get, new PrintStream(printed, true, StandardCharsets.UTF_8)));
            String summary = printed.toString(StandardCharsets.UTF_8);

            // THEN the secrets were used (the gateway connected, the client key decrypted) but are nowhere to be seen
            String status = bodies.stream().filter(b -> b.startsWith("/api/status")).findFirst().orElseThrow();
            assertTrue(status.contains("admin:***@127.0.0.1"), "the InfluxDB URL is shown masked: " + status);
            assertTrue(status.contains("\"state\":\"CONNECTED\""), status);
            String deliveries = bodies.stream().filter(b -> b.contains("/deliveries -> ")).findFirst().orElseThrow();
            assertTrue(deliveries.contains("/deliveries -> 200"), deliveries);
            assertTrue(deliveries.contains("answer is not JSON") && deliveries.contains("key=***"),
                    "the robots' echoes are in the delivery log, masked: " + deliveries);
            String logText = renderedLogs();
            assertTrue(logText.contains("connected to ssl://localhost"), "the log was captured: " + logText);
            assertTrue(summary.contains("password from $LINLI_MQTT_PASSWORD") && summary.contains("admin:***@"), summary);
            for (String secret : SECRETS) {
                assertFalse(logText.contains(secret), "secret " + secret + " in the logs:\n" + logText);
                for (String body : bodies) {
                    assertFalse(body.contains(secret), "secret " + secret + " in an HTTP response: " + body);
                }
                assertFalse(summary.contains(secret), "secret " + secret + " in check-config output:\n" + summary);
            }
        }
    }

    static <T> T onLoop(Gateway g, java.util.function.Supplier<T> read) {
        return QueueOutageTest.onLoop(g, read);
    }

    private String renderedLogs() {
        StringBuilder out = new StringBuilder();
        for (ILoggingEvent e : logs.list) {
            out.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(' ').append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                out.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        return out.toString();
    }

    private static SSLContext trusting(Path caFile) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", PemFiles.certificates(caFile).get(0));
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, f.getTrustManagers(), null);
        return c;
    }
}
