package org.linli.gateway.uplink;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.gateway.Gateway;
import org.linli.gateway.TestSites;
import org.linli.gateway.VertxTeardown;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.gateway.sitefile.SiteFiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real gateway with an {@code uplink:} section: a gas alarm from a device becomes an alert whose versions reach
 * the centre's topic on an Artemis node, and {@code /api/status} shows the uplink's block. The same Artemis node is
 * also the compound's own broker (its {@code consumer} acceptor), the uplink going to its {@code uplink} acceptor.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatewayUplinkTest {
    private static final String TOPIC = "linli/v1/nanhu/xingfu/xingfuli/alert";
    private final HttpClient http = HttpClient.newHttpClient();
    private final Vertx vertx = Vertx.vertx();
    private EmbeddedArtemis broker;
    private CentreSubscriber centre;
    private Gateway gateway;

    @AfterEach
    void tearDown() throws Exception {
        VertxTeardown.close(vertx, 45);
        if (centre != null) {
            centre.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aGasAlarmReachesTheCentreAndTheStatusShowsItPublished(@TempDir Path dir) throws Exception {
        // GIVEN a gateway whose uplink goes to a running Artemis node, and the centre subscribed to the compound
        broker = new EmbeddedArtemis(dir.resolve("broker"));
        broker.openUplink();
        centre = new CentreSubscriber(broker.consumerUrl(), TOPIC);
        VendorProfileCatalog profiles = VendorProfileCatalog.load(null);
        String yaml = TestSites.smallYaml()
                .replace("profile: test-gas", "profile: acme-gas-flat")
                .replace("profile: test-smoke", "profile: beacon-smoke-iso")
                .replace("profile: test-water", "profile: acme-water-flat")
                .replace("tcp://127.0.0.1:1883", broker.consumerUrl())
                + "http:\n  host: 127.0.0.1\n  port: 0\nstorage:\n  dataDir: " + dir.resolve("data") + "\n"
                + "uplink:\n  urls: [\"" + broker.uplinkUrl() + "\"]\n  street: nanhu\n  community: xingfu\n"
                + "  compound: xingfuli\n";
        SiteConfig site = SiteFiles.parse(yaml, "site-small.yaml", profiles.deviceTypes(), TestSites.ENV);
        gateway = new Gateway(site, profiles, TestSites.ENV, Clock.systemUTC());
        vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(() -> "UP".equals(status().getJsonObject("sources")
                .getJsonObject("mqtt").getString("state")));

        // WHEN the gas alarm in flat 3-2-501 reports an alarm on the compound's broker
        MqttClient device = new MqttClient(broker.consumerUrl(), "gas-3-2-501", new MemoryPersistence());
        device.connect();
        String report = new JsonObject().put("imei", "gas-3-2-501").put("ts", System.currentTimeMillis()).put("t", "rpt")
                .put("gas", 215).put("st", 1).put("stw", 0).put("bat", 87).put("csq", -71).put("life", 1450).encode();
        MqttMessage m = new MqttMessage(report.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        device.publish("acme/gas/gas-3-2-501/up", m);
        device.disconnect();
        device.close();

        // THEN the alert's first version reaches the centre's topic, and the status counts it as published
        await().atMost(Duration.ofSeconds(30)).until(() -> !centre.received.isEmpty());
        JsonObject alert = centre.received.get(0);
        assertEquals(1, alert.getInteger("version"), alert.encode());
        assertEquals("GAS_LEAK", alert.getString("type"), alert.encode());
        await().atMost(Duration.ofSeconds(10)).until(() -> status().getJsonObject("uplink").getLong("published") >= 1);
        JsonObject uplink = status().getJsonObject("uplink");
        assertEquals("CONNECTED", uplink.getString("state"), uplink.encode());
        assertTrue(uplink.getLong("outboxDepth") >= 0, uplink.encode());
    }

    private JsonObject status() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort()
                + "/api/status")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }
}
